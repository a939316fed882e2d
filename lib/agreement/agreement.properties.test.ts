import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohenKappa, fleissKappa, krippendorffAlpha, spanF1, unitizingAlpha, type Span, type UnitizingUnit } from "./index";

// Property tests: the promises the module makes, checked on random data.

const LABELS = ["claim", "attribution", "loaded_language", "unverified"] as const;
type Label = (typeof LABELS)[number];
const label = fc.constantFrom(...LABELS);
const maybeLabel = fc.option(label, { nil: null });
/** A bijection from the labels to either a shuffle of themselves or fresh names. */
const relabelling = fc
  .tuple(fc.shuffledSubarray([...LABELS], { minLength: 4, maxLength: 4 }), fc.boolean())
  .map(([shuffled, fresh]) => new Map<string, string>(LABELS.map((l, i) => [l, fresh ? `renamed ${shuffled[i]}` : (shuffled[i] ?? l)])));
const rename = (map: Map<string, string>) => <T extends string | null>(v: T) => (v === null ? v : (map.get(v) ?? v)) as T;

const continuumAndUnits = fc.integer({ min: 1, max: 300 }).chain((length) =>
  fc.tuple(
    fc.constant(length),
    fc.array(
      fc.record({ rater: fc.constantFrom("r0", "r1", "r2"), category: label, start: fc.nat(length), size: fc.nat(40) })
        .map(({ size, ...unit }): UnitizingUnit => ({ ...unit, end: Math.min(length, unit.start + size) })),
      { maxLength: 25 },
    ),
  ),
);
const spans = fc.array(
  fc.record({ doc: fc.constantFrom("d1", "d2"), start: fc.nat(100), size: fc.nat(30), label })
    .map(({ size, ...span }): Span => ({ ...span, end: span.start + size })),
  { maxLength: 20 },
);
/** Rows of per-category counts with a constant number of raters. */
const fleissCounts = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 4 })).chain(([raters, k]) =>
  fc.array(fc.array(fc.nat(k - 1), { minLength: raters, maxLength: raters }), { maxLength: 12 })
    .map((rows) => rows.map((picks) => Array.from({ length: k }, (_, j) => picks.filter((p) => p === j).length))),
);

/** Every number anywhere in the result is finite: no NaN, no Infinity leaks out. */
function expectAllFinite(value: unknown): void {
  if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  else if (value !== null && typeof value === "object") Object.values(value).forEach(expectAllFinite);
}
const oneOrNull = (v: number | null) => (v === null ? null : Math.round(v * 1e9) / 1e9);
/** Same value up to floating-point summation order; null only matches null. */
function expectSame(actual: number | null | undefined, expected: number | null | undefined): void {
  if (expected === null || expected === undefined) expect(actual ?? null).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

describe("identical annotations give perfect agreement (1) whenever the value is defined", () => {
  it("every measure", () => {
    fc.assert(
      fc.property(fc.array(maybeLabel, { maxLength: 30 }), continuumAndUnits, spans, fc.integer({ min: 2, max: 5 }),
        (row, [length, units], spanList, copies) => {
          expect([1, null]).toContain(oneOrNull(cohenKappa(row, row).value));
          expect([1, null]).toContain(oneOrNull(krippendorffAlpha(Array(copies).fill(row), "nominal").value));
          const unanimous = row.map((v) => LABELS.map((l) => (l === v ? copies : 0)));
          expect([1, null]).toContain(oneOrNull(fleissKappa(unanimous.filter((r) => r.some((c) => c > 0))).value));
          const mine = units.filter((unit) => unit.rater === "r0");
          const cloned = ["r1", "r2"].flatMap((rater) => mine.map((unit) => ({ ...unit, rater })));
          const unitizing = unitizingAlpha([...mine, ...cloned], { start: 0, end: length });
          expect([1, null]).toContain(oneOrNull(unitizing.value));
          for (const c of Object.values(unitizing.byCategory)) expect([1, null]).toContain(oneOrNull(c.value));
          const f1 = spanF1(spanList, spanList);
          expect([1, null]).toContain(oneOrNull(f1.partial.f1));
          expect([1, null]).toContain(oneOrNull(f1.exact.f1));
        }),
    );
  });
});

describe("renaming or permuting labels does not change any result", () => {
  it("every measure", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(maybeLabel, maybeLabel), { maxLength: 30 }), relabelling, continuumAndUnits, spans, spans,
        (pairs, map, [length, units], predicted, reference) => {
          const r = rename(map);
          const [a, b] = [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
          expectSame(cohenKappa(a.map(r), b.map(r)).value, cohenKappa(a, b).value);
          expectSame(krippendorffAlpha([a.map(r), b.map(r)], "nominal").value, krippendorffAlpha([a, b], "nominal").value);
          const counts = pairs.map(([x, y]) => LABELS.map((l) => Number(l === x) + Number(l === y))).filter((row) => row.reduce((s, c) => s + c) === 2);
          const permuted = counts.map((row) => LABELS.map((l) => row[LABELS.indexOf(r(l) as Label)] ?? row[LABELS.indexOf(l)] ?? 0));
          expectSame(fleissKappa(permuted).value, fleissKappa(counts).value);
          const before = unitizingAlpha(units, { start: 0, end: length });
          const after = unitizingAlpha(units.map((unit) => ({ ...unit, category: r(unit.category) })), { start: 0, end: length });
          expectSame(after.value, before.value);
          for (const [category, result] of Object.entries(before.byCategory)) {
            expectSame(after.byCategory[r(category)]?.value ?? null, result.value);
          }
          const relabel = (list: Span[]) => list.map((span) => ({ ...span, label: r(span.label ?? "") }));
          expect(spanF1(relabel(predicted), relabel(reference)).partial).toEqual(spanF1(predicted, reference).partial);
        }),
    );
  });

  it("shuffling the order of items does not change kappa or alpha", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(maybeLabel, maybeLabel), { maxLength: 30 }).chain((pairs) => fc.tuple(fc.constant(pairs), fc.shuffledSubarray(pairs, { minLength: pairs.length }))),
        ([pairs, shuffled]) => {
          const cols = (list: typeof pairs) => [list.map((p) => p[0]), list.map((p) => p[1])] as const;
          expectSame(cohenKappa(...cols(shuffled)).value, cohenKappa(...cols(pairs)).value);
          expectSame(krippendorffAlpha([...cols(shuffled)], "nominal").value, krippendorffAlpha([...cols(pairs)], "nominal").value);
        }),
    );
  });
});

describe("an annotator who annotated nothing is reported, never silently ignored", () => {
  // Units one character long are degenerate: the formula's unit–unit term (2l³ − 3l² + l)/3 is 0,
  // and e.g. a lone such unit sits exactly at chance (uDo = uDe = 2/(mL²), whatever m), so adding
  // a rater cannot move it. "The value changes" is claimed for units of two or more characters.
  const twoRatersMarked = continuumAndUnits.filter(([, units]) =>
    units.every((u) => u.end - u.start !== 1) && new Set(units.filter((u) => u.end > u.start).map((u) => u.rater)).size >= 2);
  it("unitizingAlpha: named in warnings, and the value changes", () => {
    fc.assert(
      fc.property(twoRatersMarked, ([length, units]) => {
        const raters = ["r0", "r1", "r2"];
        const before = unitizingAlpha(units, { start: 0, end: length }, { raters });
        const after = unitizingAlpha(units, { start: 0, end: length }, { raters: [...raters, "absent"] });
        expect(after.ratersWithoutUnits).toContain("absent");
        expect(after.warnings.join("\n")).toContain('"absent" marked no units');
        expect(after.value).not.toBe(before.value);
      }),
      { numRuns: 500 },
    );
  });

  it("krippendorffAlpha and cohenKappa: the silent observer is named", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(maybeLabel, maybeLabel), { minLength: 1, maxLength: 20 }), (pairs) => {
        const [a, b] = [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
        const silent = a.map(() => null);
        // Missing cells are not data in alpha, so its value stays; the warning is what keeps it from being silent.
        expect(krippendorffAlpha([a, b, silent], "nominal").warnings.join()).toMatch(/observer\(s\) (\d+, )*2 gave no values/);
        const kappa = cohenKappa(a, silent);
        expect(kappa.value).toBeNull();
        expect(kappa.warnings.join()).toMatch(/rater B gave no categories at all/);
      }),
    );
  });
});

describe("values are never NaN (null when undefined), and never 1 for annotations that never overlap", () => {
  it("every number in every result is finite", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(maybeLabel, maybeLabel), { maxLength: 20 }), fleissCounts, continuumAndUnits, spans, spans,
        fc.array(fc.array(fc.option(fc.nat(5), { nil: null }), { minLength: 6, maxLength: 6 }), { maxLength: 4 }),
        (pairs, counts, [length, units], predicted, reference, numbers) => {
          expectAllFinite(cohenKappa(pairs.map((p) => p[0]), pairs.map((p) => p[1])));
          expectAllFinite(fleissKappa(counts));
          expectAllFinite(unitizingAlpha(units, { start: 0, end: length }, { raters: ["r0", "r1"] }));
          expectAllFinite(spanF1(predicted, reference));
          for (const level of ["nominal", "ordinal", "interval", "ratio"] as const) expectAllFinite(krippendorffAlpha(numbers, level));
        }),
    );
  });

  it("unitizingAlpha ≤ 0 when no rater's unit overlaps another rater's unit", () => {
    const disjoint = fc.integer({ min: 2, max: 300 }).chain((length) =>
      fc.tuple(fc.constant(length), fc.uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 20 }),
        fc.infiniteStream(fc.tuple(fc.constantFrom("r0", "r1", "r2", null), label))));
    fc.assert(
      fc.property(disjoint, ([length, cuts, owners]) => {
        const bounds = [...cuts].sort((x, y) => x - y);
        const units: UnitizingUnit[] = [];
        const owner = owners[Symbol.iterator]();
        for (let i = 1; i < bounds.length; i++) {
          const [rater, category] = owner.next().value as [string | null, Label];
          if (rater !== null) units.push({ rater, category, start: bounds[i - 1] ?? 0, end: bounds[i] ?? 0 });
        }
        const result = unitizingAlpha(units, { start: 0, end: length }, { raters: ["r0", "r1"] });
        if (result.value !== null) expect(result.value).toBeLessThanOrEqual(1e-12);
        for (const c of Object.values(result.byCategory)) if (c.value !== null) expect(c.value).toBeLessThanOrEqual(1e-12);
      }),
    );
  });
});
