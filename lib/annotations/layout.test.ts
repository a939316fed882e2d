import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignLanes, codePointLength, layoutParagraphs, segmentParagraph, spansByParagraph } from "./layout";

describe("codePointLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["👍🏽", 2],
    ["👨‍👩‍👧", 5],
    ["e\u0301", 2],
    ["\ud800x", 2],
  ])("%j has %d code points", (text, n) => {
    expect(codePointLength(text)).toBe(n);
  });

  it("agrees with Array.from on any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => codePointLength(s) === Array.from(s).length));
  });
});

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

describe("assignLanes", () => {
  it("nested and overlapping spans get different lanes; disjoint ones share", () => {
    const lanes = assignLanes([
      { id: "attribution", start: 0, end: 50 },
      { id: "unverified", start: 10, end: 40 },
      { id: "loaded", start: 12, end: 20 },
      { id: "later", start: 60, end: 70 },
    ]);
    expect(Object.fromEntries(lanes)).toEqual({ attribution: 0, unverified: 1, loaded: 2, later: 0 });
  });

  it("no two overlapping spans ever share a lane", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(100), fc.integer({ min: 1, max: 30 })), { maxLength: 30 }), (pairs) => {
        const spans = pairs.map(([start, len], i) => ({ id: String(i), start, end: start + len }));
        const lanes = assignLanes(spans);
        return spans.every((a) => spans.every((b) => a === b || a.end <= b.start || b.end <= a.start || lanes.get(a.id) !== lanes.get(b.id)));
      }),
    );
  });
});
