// The two halves of Krippendorff's unitizing alpha for ONE category, in the
// notation of Krippendorff (2004), Content Analysis, 2nd ed., §11.6 (pp. 251–256),
// which restates Krippendorff (1995), "On the reliability of unitizing
// continuous data", Sociological Methodology 25, 47–76:
//
//   m raters, continuum length L; rater i's sections g of the category have
//   begin b_ig, length l_ig, and ω_ig = 1 for a unit, 0 for a gap.
//
// Both run in O(s log s) for s sections, never per character: a sweep over
// each rater pair's sorted boundaries, and one sort of the gap lengths.

import type { Section } from "./unitizing-sections";

/**
 * The distance between rater i's section g and rater j's section h
 * (Krippendorff 2004, p. 252):
 *
 *   both units and overlapping:         (b_ig − b_jh)² + (e_ig − e_jh)²   (e = b + l)
 *   a unit lying entirely inside a gap: l_unit²
 *   anything else:                      0
 *
 * Exported for tests against the book's worked distances.
 */
export function sectionDistance(g: Section, h: Section): number {
  if (g.isUnit && h.isUnit) {
    const overlap = g.start < h.end && h.start < g.end;
    return overlap ? (g.start - h.start) ** 2 + (g.end - h.end) ** 2 : 0;
  }
  const [unit, gap] = g.isUnit ? [g, h] : [h, g];
  if (!unit.isUnit || gap.isUnit) return 0; // two gaps never disagree
  const inside = gap.start <= unit.start && unit.end <= gap.end;
  return inside ? (unit.end - unit.start) ** 2 : 0;
}

/**
 *   uDo = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(ig, jh) / (m (m − 1) L²)
 *
 * δ² is 0 for sections that do not overlap, and two tilings of the same
 * continuum meet in at most (s_i + s_j) overlapping pairs, so a merge-walk
 * over each pair of raters visits every term that can be non-zero exactly once.
 */
export function observedDisagreement(layers: readonly (readonly Section[])[], length: number): number {
  const m = layers.length;
  if (m < 2) return 0;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const a = layers[i] ?? [];
      const b = layers[j] ?? [];
      let x = 0;
      let y = 0;
      while (x < a.length && y < b.length) {
        const g = a[x] as Section;
        const h = b[y] as Section;
        sum += sectionDistance(g, h);
        if (g.end <= h.end) x++;
        if (h.end <= g.end) y++;
      }
    }
  }
  // δ² is symmetric, so the sum over ordered pairs (i, j ≠ i) is twice ours.
  return (2 * sum) / (m * (m - 1) * length * length);
}

/**
 *   uDe = (2/L) Σ_i Σ_g ω_ig [ (N − 1)/3 · (2l³ − 3l² + l) + l² Σ_j Σ_h (1 − ω_jh)(l_jh − l + 1)·[l_jh ≥ l] ]
 *         / ( mL(mL − 1) − Σ_i Σ_g ω_ig l(l − 1) ),       l = l_ig
 *
 * N is the number of units of the category across all raters; the inner sum
 * runs over every rater's gaps (a rater with no units contributes one gap of
 * length L) long enough to hold the unit. Gap lengths are sorted once so each
 * unit's inner sum is a binary search plus suffix sums.
 */
export function expectedDisagreement(layers: readonly (readonly Section[])[], length: number): number {
  const m = layers.length;
  const all = layers.flat();
  const unitLengths = all.filter((s) => s.isUnit).map((s) => s.end - s.start);
  const gapLengths = all.filter((s) => !s.isUnit).map((s) => s.end - s.start).sort((x, y) => x - y);
  const suffixSums = new Array<number>(gapLengths.length + 1).fill(0);
  for (let k = gapLengths.length - 1; k >= 0; k--) suffixSums[k] = (suffixSums[k + 1] ?? 0) + (gapLengths[k] ?? 0);

  const unitCount = unitLengths.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of unitLengths) {
    const first = firstAtLeast(gapLengths, l);
    const gapsThatFit = gapLengths.length - first;
    const placements = (suffixSums[first] ?? 0) - (l - 1) * gapsThatFit; // Σ (l_gap − l + 1)
    numerator += ((unitCount - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l ** 2 * placements;
    selfPairs += l * (l - 1);
  }
  const denominator = m * length * (m * length - 1) - selfPairs;
  return denominator > 0 ? ((2 / length) * numerator) / denominator : 0;
}

/** Index of the first element ≥ target in an ascending array (its length if none). */
function firstAtLeast(ascending: readonly number[], target: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((ascending[mid] ?? 0) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}
