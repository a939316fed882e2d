import { describe, expect, it } from "vitest";
import { AttributeFields, type AttributeField } from "../labels/fields";
import { relabel } from "./relabel";

// Two of the built-in labels' fields, as seeds/labels.json defines them.
const builtin: Record<string, readonly AttributeField[]> = {
  claim: AttributeFields.parse([{ key: "checkworthy", name: "Check-worthy", type: "boolean" }]),
  attribution: AttributeFields.parse([
    { key: "speaker", name: "Who is cited", type: "text", maxLength: 200 },
    { key: "kind", name: "How", type: "choice", options: ["named", "anonymous", "vague"] },
  ]),
};
const fields = (key: string) => builtin[key]!;
const speakerAndNote: readonly AttributeField[] = AttributeFields.parse([
  { key: "speaker", name: "Speaker", type: "text", maxLength: 5 },
  { key: "kind", name: "Kind", type: "choice", options: ["named"] },
]);

describe("relabel", () => {
  it.each([
    ["keeps nothing and drops nothing when nothing was filled in", {}, "attribution", "claim", {}, []],
    ["drops what the new label has no field for", { speaker: "Activists", kind: "vague" }, "attribution", "claim", {}, ["speaker", "kind"]],
    ["ignores empty values", { speaker: "", kind: null }, "attribution", "claim", {}, []],
  ] as const)("%s", (_name, values, from, to, kept, dropped) => {
    const result = relabel(values, fields(from), fields(to));
    expect(result.kept).toEqual(kept);
    expect(result.dropped.map((d) => d.key)).toEqual(dropped);
  });

  it("keeps the values the new label also collects, and names the dropped fields as the form does", () => {
    const result = relabel({ speaker: "Tahir", kind: "vague" }, fields("attribution"), speakerAndNote);
    expect(result.kept).toEqual({ speaker: "Tahir" });
    expect(result.dropped).toEqual([{ key: "kind", label: "How", value: "vague" }]);
  });

  it("drops a shared key whose value the new field would refuse (too long)", () => {
    expect(relabel({ speaker: "Activists" }, fields("attribution"), speakerAndNote).dropped.map((d) => d.key)).toEqual(["speaker"]);
  });

  it("keeps a number the new label's number field accepts", () => {
    const scored = AttributeFields.parse([{ key: "score", type: "number" }]);
    expect(relabel({ score: 3 }, scored, scored)).toEqual({ kept: { score: 3 }, dropped: [] });
  });
});
