import { describe, expect, it } from "vitest";
import { groupOf, poolOf } from "./pool";

const LEANING = ["left", "centre", "right"];

describe("a member's panel group", () => {
  it.each([
    [{ leaning: "left" }, "leaning", "left"],
    [{ leaning: "far-left" }, "leaning", null], // not an option (any more)
    [{ leaning: 3 }, "leaning", null],
    [{}, "leaning", null],
    [null, "leaning", null],
    [["left"], "leaning", null],
    [{ leaning: "left" }, null, null], // the campaign does not balance
  ] as const)("%j by %s → %s", (profile, key, group) => {
    expect(groupOf(profile, key, LEANING)).toBe(group);
  });

  it("maps the pool in order", () => {
    expect(poolOf([{ id: "a", profile: { leaning: "right" } }, { id: "b", profile: {} }], "leaning", LEANING)).toEqual([
      { id: "a", group: "right" },
      { id: "b", group: null },
    ]);
  });
});
