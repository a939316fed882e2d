// Turns raw annotations into the data unitizing alpha is defined on: for each
// category, each rater's continuum cut into consecutive sections, each either
// a unit of that category or a gap (an implicit non-unit) between units.

export type UnitizingUnit = { rater: string; category: string; start: number; end: number };
/** Half-open character range [start, end) that all raters were asked to annotate. */
export type Continuum = { start: number; end: number };
/** One stretch [start, end) of one rater's continuum for one category. */
export type Section = { start: number; end: number; isUnit: boolean };

export type SectionLayers = {
  /** Every rater: the assigned ones first (in the given order), then any others found in the units. */
  raters: string[];
  categories: string[];
  /** sections.get(category)[raterIndex]: sorted sections that exactly tile the continuum. */
  sections: Map<string, Section[][]>;
  unitsUsed: number;
  /** Zero-length units: they mark no character, so they cannot be units of a continuum. */
  emptyUnitsIgnored: number;
  /** Units that overlapped another unit of the same rater and category and were merged into it. */
  overlapsMerged: number;
  /** Raters who have units but were not in the assigned list. */
  unlistedRaters: string[];
  /** Raters with no (non-empty) unit in any category. */
  ratersWithoutUnits: string[];
};

/**
 * Validates the units and lays them out per category and rater.
 *
 * Krippendorff's definition needs each rater's units of one category to be
 * disjoint; overlapping ones are merged (keeping every marked character)
 * and counted, never dropped. Units that merely touch stay separate: they
 * are two units, as in Krippendorff's (1995) own examples.
 *
 * @throws RangeError for a malformed continuum or a unit that is not a whole
 *   number range inside it: a caller bug that must not turn into a number.
 */
export function layOutSections(
  units: readonly UnitizingUnit[],
  continuum: Continuum,
  assignedRaters: readonly string[] = [],
  extraCategories: readonly string[] = [],
): SectionLayers {
  const { start: begin, end: finish } = continuum;
  if (!Number.isSafeInteger(begin) || !Number.isSafeInteger(finish) || finish <= begin) {
    throw new RangeError(`unitizingAlpha: the continuum [${begin}, ${finish}) must be a non-empty range of whole numbers`);
  }

  const raters = [...new Set(assignedRaters)];
  const assigned = new Set(raters);
  const unlistedRaters: string[] = [];
  const categories = [...new Set(extraCategories)];
  const ranges = new Map<string, Map<string, [number, number][]>>(); // category → rater → ranges
  let emptyUnitsIgnored = 0;

  units.forEach((unit, i) => {
    const { rater, category, start, end } = unit;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start || start < begin || end > finish) {
      throw new RangeError(`unitizingAlpha: unit ${i} [${start}, ${end}) is not a range of whole numbers inside the continuum [${begin}, ${finish})`);
    }
    if (!raters.includes(rater)) {
      raters.push(rater);
      if (assignedRaters.length > 0 && !assigned.has(rater)) unlistedRaters.push(rater);
    }
    if (start === end) {
      emptyUnitsIgnored++;
      return;
    }
    if (!categories.includes(category)) categories.push(category);
    const byRater = ranges.get(category) ?? new Map<string, [number, number][]>();
    ranges.set(category, byRater);
    const list = byRater.get(rater) ?? [];
    byRater.set(rater, list);
    list.push([start, end]);
  });

  let overlapsMerged = 0;
  let unitsUsed = 0;
  const ratersWithUnits = new Set<string>();
  const sections = new Map<string, Section[][]>();
  for (const category of categories) {
    const byRater = ranges.get(category);
    sections.set(
      category,
      raters.map((rater) => {
        const sorted = [...(byRater?.get(rater) ?? [])].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        const merged: [number, number][] = [];
        for (const [start, end] of sorted) {
          const last = merged[merged.length - 1];
          if (last && start < last[1]) {
            last[1] = Math.max(last[1], end);
            overlapsMerged++;
          } else merged.push([start, end]);
        }
        if (merged.length > 0) ratersWithUnits.add(rater);
        unitsUsed += merged.length;
        return tile(merged, begin, finish);
      }),
    );
  }
  const ratersWithoutUnits = raters.filter((r) => !ratersWithUnits.has(r));
  return { raters, categories, sections, unitsUsed, emptyUnitsIgnored, overlapsMerged, unlistedRaters, ratersWithoutUnits };
}

/** Sorted disjoint units → sections tiling [begin, finish), gaps filling the spaces between. */
function tile(units: readonly [number, number][], begin: number, finish: number): Section[] {
  const sections: Section[] = [];
  let cursor = begin;
  for (const [start, end] of units) {
    if (start > cursor) sections.push({ start: cursor, end: start, isUnit: false });
    sections.push({ start, end, isUnit: true });
    cursor = end;
  }
  if (cursor < finish) sections.push({ start: cursor, end: finish, isUnit: false });
  return sections;
}
