import { describe, expect, it } from "vitest";
import { ANNOTATOR_KEYS, shortcutProblem } from "./shortcuts";

const others = [
  { name: "Claim", shortcut: "1" },
  { name: "Framing", shortcut: "f" },
  { name: "No key", shortcut: null },
];

describe("shortcutProblem", () => {
  it.each(["5", "F", "x", "é", "%"])("accepts %j", (key) => expect(shortcutProblem(key, others)).toBeNull());

  it.each([
    ["1", /shortcut of Claim/],
    ["f", /shortcut of Framing/],
    ["j", /annotator's own key \(next\)/],
    ["U", /annotator's own key \(redo\)/],
    ["?", /annotator's own key/],
    ["[", /annotator's own key/],
    ["", /single visible character/],
    ["ab", /single visible character/],
    [" ", /single visible character/],
    ["\u0007", /single visible character/],
  ])("refuses %j", (key, reason) => expect(shortcutProblem(key, others)).toMatch(reason));

  it("counts an emoji as one character", () => expect(shortcutProblem("👍", others)).toBeNull());

  it("refuses every key the annotator binds", () => {
    for (const key of Object.keys(ANNOTATOR_KEYS).filter((k) => [...k].length === 1)) expect(shortcutProblem(key, [])).not.toBeNull();
  });
});
