import { fewItemsWarning, oneMinusRatio, similarSpellingWarnings } from "./result";
import { expectedDisagreement, observedDisagreement } from "./unitizing-disagreement";
import { layOutSections, type Continuum, type UnitizingUnit } from "./unitizing-sections";

export type { Continuum, UnitizingUnit } from "./unitizing-sections";

export type UnitizingAlphaOptions = {
  /** Every rater assigned to the text, including any who marked nothing. */
  raters?: readonly string[];
  /** Categories to report even if nobody used them (they come back with value null). */
  categories?: readonly string[];
};

export type UnitizingCategoryResult = {
  /** 1 − observed/expected for this category, or null when expected is 0. */
  value: number | null;
  /** uDo for this category. */
  observed: number;
  /** uDe for this category. */
  expected: number;
  /** Units of this category across all raters (after merging overlaps). */
  units: number;
};

export type UnitizingAlphaResult = {
  /** 1 − Σ_c uDo(c) / Σ_c uDe(c), or null when undefined. */
  value: number | null;
  observed: number;
  expected: number;
  byCategory: Record<string, UnitizingCategoryResult>;
  raters: string[];
  ratersWithoutUnits: string[];
  unlistedRaters: string[];
  continuumLength: number;
  unitsUsed: number;
  emptyUnitsIgnored: number;
  overlapsMerged: number;
  warnings: string[];
};

/**
 * Krippendorff's unitizing alpha (uα) over a character continuum: how well
 * raters agree on where units of each category begin and end, and on what
 * is left unmarked. Per category c, each rater's units of c and the gaps
 * between them tile the continuum;
 *
 *   uα(c) = 1 − uDo(c) / uDe(c),     uα = 1 − Σ_c uDo(c) / Σ_c uDe(c)
 *
 * with uDo and uDe as in `unitizing-disagreement.ts` (Krippendorff 2004,
 * Content Analysis, 2nd ed., §11.6, pp. 251–256; Krippendorff 1995, "On the
 * reliability of unitizing continuous data", Sociological Methodology 25,
 * 47–76). Pooling the categories' disagreements before dividing is how
 * Krippendorff sums over c; the per-category figures let a reviewer check
 * the total by hand. Identical annotations give 1; annotations that never
 * overlap give a value ≤ 0; nothing to compare gives null.
 *
 * Note: Krippendorff, Mathet, Bouvry & Widlöcher (2016), "On the reliability
 * of unitizing textual continua: Further developments", Quality & Quantity
 * 50, 2347–2364, revise this definition because it behaves unexpectedly with
 * more than two raters; this function implements the 2004 definition.
 *
 * A rater listed in `options.raters` who marked nothing counts as having
 * marked the whole continuum as non-unit in every category (and is named in
 * the warnings), so an absent annotator lowers agreement instead of vanishing.
 */
export function unitizingAlpha(
  units: readonly UnitizingUnit[],
  continuum: Continuum,
  options: UnitizingAlphaOptions = {},
): UnitizingAlphaResult {
  const layers = layOutSections(units, continuum, options.raters, options.categories);
  const length = continuum.end - continuum.start;
  const comparable = layers.raters.length >= 2;
  const warnings: string[] = [];

  if (!comparable) warnings.push(`unitizing alpha compares raters, but found ${layers.raters.length}: it needs at least 2`);
  if (layers.ratersWithoutUnits.length > 0 && comparable) {
    warnings.push(
      `rater(s) ${quoteAll(layers.ratersWithoutUnits)} marked no units; they count as having marked the whole text as non-unit in every category`,
    );
  }
  if (layers.unlistedRaters.length > 0) {
    warnings.push(`rater(s) ${quoteAll(layers.unlistedRaters)} have units but are not in options.raters; they were included`);
  }
  if (layers.emptyUnitsIgnored > 0) {
    warnings.push(`${layers.emptyUnitsIgnored} zero-length unit(s) mark no characters and were ignored`);
  }
  if (layers.overlapsMerged > 0) {
    warnings.push(`${layers.overlapsMerged} unit(s) overlapped another unit of the same rater and category and were merged into it`);
  }
  warnings.push(...fewItemsWarning(layers.unitsUsed, "units"));
  warnings.push(...similarSpellingWarnings(layers.categories));

  // Built from entries so a label such as "__proto__" stays an ordinary key.
  const byCategory: [string, UnitizingCategoryResult][] = [];
  let observed = 0;
  let expected = 0;
  for (const category of layers.categories) {
    const sections = layers.sections.get(category) ?? [];
    const o = comparable ? observedDisagreement(sections, length) : 0;
    const e = comparable ? expectedDisagreement(sections, length) : 0;
    const value = comparable ? oneMinusRatio(o, e) : null;
    const unitCount = sections.flat().filter((s) => s.isUnit).length;
    if (comparable && value === null) {
      warnings.push(`category ${JSON.stringify(category)}: expected disagreement is 0 (no usable units), so its alpha is undefined`);
    }
    byCategory.push([category, { value, observed: o, expected: e, units: unitCount }]);
    observed += o;
    expected += e;
  }
  const value = comparable ? oneMinusRatio(observed, expected) : null;
  if (comparable && value === null) {
    const why = layers.unitsUsed === 0 ? "no rater marked any unit" : "no unit could have been placed differently";
    warnings.push(`${why}: expected disagreement is 0, so alpha is undefined`);
  }

  return {
    value,
    observed,
    expected,
    byCategory: Object.fromEntries(byCategory),
    raters: layers.raters,
    ratersWithoutUnits: layers.ratersWithoutUnits,
    unlistedRaters: layers.unlistedRaters,
    continuumLength: length,
    unitsUsed: layers.unitsUsed,
    emptyUnitsIgnored: layers.emptyUnitsIgnored,
    overlapsMerged: layers.overlapsMerged,
    warnings,
  };
}

function quoteAll(names: readonly string[]): string {
  return names.map((n) => JSON.stringify(n)).join(", ");
}
