import { describe, expect, it } from "vitest";
import type { ImportedAnnotation } from "./import-records";
import { placeAnnotations, withAnchoringBudget } from "./place-annotations";

const base: ImportedAnnotation = { ref: "annotation 1", id: null, label: "claim", start: null, end: null, quote: "", prefix: "", suffix: "", note: null, attributes: {}, annotator: null, gold: false, createdAt: null, updatedAt: null };
const text = "Intro 👍🏽 the minister said the plan works.";

describe("placeAnnotations", () => {
  it("anchors at the stored code point offsets, re-anchors moved quotes, orphans missing ones", async () => {
    const [kept, moved, lost] = await placeAnnotations(text, [
      { ...base, quote: "minister", start: 13, end: 21, prefix: "Intro 👍🏽 the ", suffix: " said the plan works." },
      { ...base, quote: "plan works", start: 0, end: 10 },
      { ...base, quote: "zebra crossing", start: 0, end: 14 },
    ]);
    expect(kept).toMatchObject({ status: "anchored", start: 13, end: 21, quote: "minister", prefix: "Intro 👍🏽 the " });
    expect(moved).toMatchObject({ status: "reanchored", start: 31, end: 41, quote: "plan works", suffix: "." });
    expect(lost).toMatchObject({ status: "orphaned" });
  });

  it("shares one search allowance across a file: once spent, quotes needing a search are orphaned, exact ones still anchor", async () => {
    const body = `${"The minister said the reform would be delayed. ".repeat(50)}The end.`;
    const edited = { ...base, quote: "The minster said the reform", start: 500, end: 527 };
    const exact = { ...base, quote: "The end.", start: body.length - 8, end: body.length };
    const placements = await withAnchoringBudget(() => placeAnnotations(body, [edited, edited, exact]), 200_000);
    expect(placements.map((p) => p.status)).toEqual(["reanchored", "orphaned", "anchored"]);
    expect(placements[1]).toMatchObject({ reason: expect.stringMatching(/cost limit/) });
  });
});
