import { describe, expect, it } from "vitest";
import { guidelineDiff, withContext } from "./diff";

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
    ["a\nb", "a\nb\n", 0, 0],
    ["a\nlast", "a\nlast\n\nmore", 2, 0],
  ])("%j → %j: +%i −%i", (from, to, added, removed) => {
    const diff = guidelineDiff(from, to);
    expect([diff.added, diff.removed]).toEqual([added, removed]);
  });
});

describe("withContext", () => {
  const same = (text: string) => ({ kind: "same" as const, text });
  it("keeps two unchanged lines around each change and folds the rest", () => {
    const lines = [same("1"), same("2"), same("3"), same("4"), { kind: "added" as const, text: "new" }, same("5"), same("6"), same("7"), same("8")];
    expect(withContext(lines)).toEqual([{ kind: "skipped", count: 2 }, same("3"), same("4"), { kind: "added", text: "new" }, same("5"), same("6"), { kind: "skipped", count: 2 }]);
  });
  it("no change: one skipped row; no lines: none", () => {
    expect(withContext([same("a"), same("b")])).toEqual([{ kind: "skipped", count: 2 }]);
    expect(withContext([])).toEqual([]);
  });
});
