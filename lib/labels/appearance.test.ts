import { describe, expect, it } from "vitest";
import { colourProblems } from "./appearance";

describe("colourProblems", () => {
  it.each(["#2563eb", "#047857", "#dc2626", "#b45309", "#7c3aed", "#000000"])("accepts %s", (color) => expect(colourProblems(color)).toEqual([]));

  it.each([
    ["#fde047", /as text on the page/],
    ["#ffffff", /as text on the page/],
    ["#a3e635", /as text on the page/],
    ["red", /#rrggbb/],
    ["#fff", /#rrggbb/],
    ["#12345g", /#rrggbb/],
  ])("refuses %s", (color, reason) => {
    expect(colourProblems(color).join("; ")).toMatch(reason);
  });
});
