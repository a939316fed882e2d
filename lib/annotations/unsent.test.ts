import { describe, expect, it } from "vitest";
import { keepUnsent, unsentCreate, unsentUpdate } from "./unsent";

const names = {
  label: (key: string) => ({ claim: "Claim", attribution: "Attribution" })[key] ?? key,
  attribute: (_label: string, key: string) => ({ speaker: "Who is cited", kind: "How" })[key] ?? key,
};
const target = { id: "a1", quote: "Activists said", label: "attribution" };

describe("unsent work", () => {
  it("keeps a refused note as its full text, and a cleared note as such", () => {
    expect(unsentUpdate(target, { note: "Vague source — “unnamed”\nline two" }, names)).toEqual([
      { key: "a1:note", what: "Your note on “Activists said”", text: "Vague source — “unnamed”\nline two" },
    ]);
    expect(unsentUpdate(target, { note: null }, names)[0]!.text).toBe("(note removed)");
  });

  it("names attributes by their field labels and keeps one entry per changed field", () => {
    const work = unsentUpdate(target, { label: "claim", attributes: { speaker: "Activists", kind: null } }, names);
    expect(work.map((w) => [w.key, w.text])).toEqual([
      ["a1:label", "Claim"],
      ["a1:attributes", "Who is cited: Activists"],
    ]);
  });

  it("keeps a new span's label, quote, note and attributes", () => {
    const [work] = unsentCreate({ id: "pending-3", quote: "met in secret", label: "claim" }, { note: "Unsourced" }, names);
    expect(work).toEqual({ key: "pending-3:create", what: "Your new Claim span “met in secret”", text: "Claim: “met in secret”\nNote: Unsourced" });
  });

  it("replaces an older refusal of the same field and keeps the others", () => {
    const first = unsentUpdate(target, { note: "draft 1" }, names);
    const other = unsentUpdate({ ...target, id: "a2" }, { note: "other" }, names);
    const kept = keepUnsent(keepUnsent(first, other), unsentUpdate(target, { note: "draft 2" }, names));
    expect(kept.map((w) => `${w.key}=${w.text}`)).toEqual(["a2:note=other", "a1:note=draft 2"]);
  });
});
