import { describe, expect, it } from "vitest";
import { guidelineDiff } from "./diff";

describe("guidelineDiff", () => {
  it("marks added, removed and unchanged lines in order", () => {
    const from = "# Guideline\n\n## Loaded language\nOld wording.\n";
    const to = "# Guideline\n\n## Loaded language\nNew wording.\nExample: \"regime\".\n";
    expect(guidelineDiff(from, to)).toEqual({
      lines: [
        { kind: "same", text: "# Guideline" },
        { kind: "same", text: "" },
        { kind: "same", text: "## Loaded language" },
        { kind: "removed", text: "Old wording." },
        { kind: "added", text: "New wording." },
        { kind: "added", text: "Example: \"regime\"." },
      ],
      added: 2,
      removed: 1,
    });
  });

  it.each([
    ["", "", 0, 0],
    ["a\nb", "a\nb", 0, 0],
    ["", "one\ntwo", 2, 0],
    ["one\ntwo\n", "", 0, 2],
    ["a\r\nb\r\n", "a\nb\n", 0, 0],
  ])("%j → %j: +%i −%i", (from, to, added, removed) => {
    const diff = guidelineDiff(from, to);
    expect([diff.added, diff.removed]).toEqual([added, removed]);
  });
});
