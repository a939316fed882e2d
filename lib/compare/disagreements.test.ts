import { describe, expect, it } from "vitest";
import { classifySpans, clusterSpans, unanimousSpans, type CompareSpan } from "./disagreements";

const span = (id: string, rater: string, label: string, start: number, end: number): CompareSpan => ({ id, rater, label, start, end });

describe("classifySpans", () => {
  const spans = [
    span("a1", "a", "loaded_language", 18, 27),
    span("b1", "b", "loaded_language", 18, 27),
    span("a2", "a", "claim", 40, 60),
    span("b2", "b", "unverified", 40, 60),
    span("a3", "a", "attribution", 70, 90),
    span("b3", "b", "attribution", 72, 95),
    span("a4", "a", "unverified", 100, 110),
  ];
  it.each([
    ["a1", "agreed"],
    ["b1", "agreed"],
    ["a2", "label"],
    ["b2", "label"],
    ["a3", "boundary"],
    ["b3", "boundary"],
    ["a4", "missing"],
  ])("%s is %s", (id, kind) => {
    expect(classifySpans(spans, ["a", "b"]).get(id)).toBe(kind);
  });

  it("agreement needs every annotator: with a third who made nothing, nobody agreed", () => {
    expect(classifySpans(spans, ["a", "b", "c"]).get("a1")).toBe("boundary");
  });

  it("a lone annotator agrees with nobody", () => {
    expect(classifySpans([span("x", "a", "claim", 0, 5)], ["a"]).get("x")).toBe("missing");
  });
});

describe("clusterSpans", () => {
  it("chains overlapping spans into one row and keeps disjoint ones apart", () => {
    const rows = clusterSpans([span("1", "a", "c", 0, 10), span("2", "b", "c", 8, 20), span("3", "a", "c", 19, 25), span("4", "b", "c", 30, 35)]);
    expect(rows.map((r) => [r.start, r.end, r.spans.map((s) => s.id)])).toEqual([
      [0, 25, ["1", "2", "3"]],
      [30, 35, ["4"]],
    ]);
  });
});

describe("unanimousSpans", () => {
  it("finds the spans every annotator made identically", () => {
    const spans = [span("a1", "a", "claim", 0, 5), span("b1", "b", "claim", 0, 5), span("a2", "a", "claim", 6, 9), span("b2", "b", "unverified", 6, 9)];
    expect(unanimousSpans(spans, ["a", "b"])).toEqual([{ label: "claim", start: 0, end: 5, ids: ["a1", "b1"] }]);
    expect(unanimousSpans(spans, ["a", "b", "c"])).toEqual([]);
    expect(unanimousSpans(spans, ["a"])).toEqual([]);
  });
});
