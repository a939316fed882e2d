import { describe, expect, it } from "vitest";
import { attributeFields, type AttributeField } from "../labels/attributes";
import { relabel } from "./relabel";

const fields = (key: string) => attributeFields[key]!;
const speakerAndNote: readonly AttributeField[] = [
  { key: "speaker", label: "Speaker", type: "text", maxLength: 5 },
  { key: "kind", label: "Kind", type: "choice", options: ["named"] },
];

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

  it("keeps scalar values for a label without declared fields", () => {
    expect(relabel({ speaker: "Tahir", checkworthy: true }, fields("attribution"), null)).toEqual({ kept: { speaker: "Tahir", checkworthy: true }, dropped: [] });
  });
});
