import { describe, expect, it } from "vitest";
import { classifySpans, clusterSpans, spansWithDifferingNotes, unanimousSpans, type CompareSpan } from "./disagreements";
import { undecidedSpans } from "./decisions";

const span = (id: string, rater: string, label: string, start: number, end: number, attributes: Record<string, unknown> = {}, note: string | null = null): CompareSpan => ({
  id, rater, label, start, end, attributes, note,
});

describe("classifySpans", () => {
  const spans = [
    span("a1", "a", "loaded_language", 18, 27),
    span("b1", "b", "loaded_language", 18, 27),
    span("a2", "a", "claim", 40, 60),
    span("b2", "b", "unverified", 40, 60),
    span("a3", "a", "attribution", 70, 90),
    span("b3", "b", "attribution", 72, 95),
    span("a4", "a", "unverified", 100, 110),
    span("a5", "a", "attribution", 120, 130, { speaker: "the minister", kind: "named" }),
    span("b5", "b", "attribution", 120, 130, { speaker: "the minister", kind: "anonymous" }),
    span("a6", "a", "attribution", 140, 150, { kind: "named", speaker: "Tahir al-Omar" }),
    span("b6", "b", "attribution", 140, 150, { speaker: "Tahir al-Omar", kind: "named" }),
  ];
  it.each([
    ["a1", "agreed"],
    ["b1", "agreed"],
    ["a2", "label"],
    ["b2", "label"],
    ["a3", "boundary"],
    ["b3", "boundary"],
    ["a4", "missing"],
    ["a5", "attributes"],
    ["b5", "attributes"],
    ["a6", "agreed"],
    ["b6", "agreed"],
  ])("%s is %s", (id, kind) => {
    expect(classifySpans(spans, ["a", "b"]).get(id)).toBe(kind);
  });

  it("a differing speaker alone makes an attributes disagreement, not agreement", () => {
    const kinds = classifySpans([span("x", "a", "attribution", 0, 9, { speaker: "Activists" }), span("y", "b", "attribution", 0, 9, { speaker: "Officials" })], ["a", "b"]);
    expect([...kinds.values()]).toEqual(["attributes", "attributes"]);
  });

  it("an empty attribute is the same as none", () => {
    const kinds = classifySpans([span("x", "a", "unverified", 0, 9, { missingEvidence: "" }), span("y", "b", "unverified", 0, 9)], ["a", "b"]);
    expect([...kinds.values()]).toEqual(["agreed", "agreed"]);
  });

  it("agreement needs every annotator: with a third who made nothing, nobody agreed", () => {
    expect(classifySpans(spans, ["a", "b", "c"]).get("a1")).toBe("boundary");
  });

  it("a lone annotator agrees with nobody", () => {
    expect(classifySpans([span("x", "a", "claim", 0, 5)], ["a"]).get("x")).toBe("missing");
  });
});

describe("spansWithDifferingNotes", () => {
  it("flags both sides when the same span carries different notes, ignoring surrounding whitespace", () => {
    const spans = [
      span("a1", "a", "claim", 0, 5, {}, "check the date"),
      span("b1", "b", "claim", 0, 5, {}, "fine"),
      span("a2", "a", "claim", 6, 9, {}, "same "),
      span("b2", "b", "claim", 6, 9, {}, "same"),
      span("a3", "a", "claim", 10, 12, {}, "only mine"),
      span("b3", "b", "claim", 10, 12),
    ];
    expect([...spansWithDifferingNotes(spans)].sort()).toEqual(["a1", "a3", "b1", "b3"]);
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
    expect(unanimousSpans(spans, ["a", "b"])).toEqual([{ label: "claim", start: 0, end: 5, attributes: {}, ids: ["a1", "b1"], notesDiffer: false }]);
    expect(unanimousSpans(spans, ["a", "b", "c"])).toEqual([]);
    expect(unanimousSpans(spans, ["a"])).toEqual([]);
  });

  it("spans that differ in attributes are not unanimous: accepting all agreed never picks one analyst's values", () => {
    const spans = [span("a1", "a", "attribution", 0, 5, { speaker: "Activists", kind: "vague" }), span("b1", "b", "attribution", 0, 5, { speaker: "Activists", kind: "named" })];
    expect(unanimousSpans(spans, ["a", "b"])).toEqual([]);
  });

  it("says when the unanimous spans' notes differ", () => {
    const spans = [span("a1", "a", "claim", 0, 5, {}, "a's note"), span("b1", "b", "claim", 0, 5, {}, "b's note")];
    expect(unanimousSpans(spans, ["a", "b"])).toEqual([expect.objectContaining({ ids: ["a1", "b1"], notesDiffer: true })]);
  });
});

describe("undecidedSpans", () => {
  it("a span is decided once it is in gold or has a verdict", () => {
    expect(
      undecidedSpans([
        { id: "in-gold", inGold: true, review: null },
        { id: "rejected", inGold: false, review: "REJECTED" },
        { id: "accepted", inGold: false, review: "ACCEPTED" },
        { id: "open", inGold: false, review: null },
      ]),
    ).toEqual(["open"]);
  });
});
