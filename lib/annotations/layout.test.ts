import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutParagraphs, segmentParagraph, spansByParagraph } from "./layout";

describe("layoutParagraphs", () => {
  it("gives code point ranges that skip the blank line between paragraphs", () => {
    expect(layoutParagraphs("I 👍🏽 it\n\nSecond\nline")).toEqual([
      { index: 0, start: 0, end: 7, text: "I 👍🏽 it" },
      { index: 1, start: 9, end: 20, text: "Second\nline" },
    ]);
  });
});

describe("segmentParagraph", () => {
  const p = { index: 0, start: 10, end: 30, text: "the so-called army 👍" };

  it("splits at every span boundary and lists covering spans outer first", () => {
    const segments = segmentParagraph(p, [
      { id: "inner", start: 14, end: 23 },
      { id: "outer", start: 10, end: 28 },
    ]);
    expect(segments.map((s) => [s.text, s.ids])).toEqual([
      ["the ", ["outer"]],
      ["so-called", ["outer", "inner"]],
      [" army", ["outer"]],
      [" 👍", []],
    ]);
  });

  it("clips spans that continue into other paragraphs", () => {
    expect(segmentParagraph(p, [{ id: "long", start: 0, end: 14 }]).map((s) => [s.text, s.ids])).toEqual([
      ["the ", ["long"]],
      ["so-called army 👍", []],
    ]);
  });

  it("the segments always re-assemble the paragraph", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { maxLength: 8 }), (pairs) => {
        const spans = pairs.map(([a, b], i) => ({ id: String(i), start: 10 + Math.min(a, b), end: 10 + Math.max(a, b) + 1 }));
        return segmentParagraph(p, spans).map((s) => s.text).join("") === p.text;
      }),
    );
  });
});

describe("spansByParagraph", () => {
  it("puts a span into every paragraph it touches", () => {
    const paragraphs = layoutParagraphs("aaa\n\nbbb\n\nccc");
    const map = spansByParagraph(paragraphs, [
      { id: "x", start: 1, end: 6 },
      { id: "y", start: 10, end: 11 },
    ]);
    expect([...map.entries()].map(([i, s]) => [i, s.map((x) => x.id)])).toEqual([
      [0, ["x"]],
      [1, ["x"]],
      [2, ["y"]],
    ]);
  });
});
