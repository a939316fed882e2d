import { fewItemsWarning, kappaFrom, ratioOrNull, ROUNDING_TOLERANCE } from "./result";

export type FleissKappaResult = {
  /** κ, or null when undefined (no items, fewer than 2 raters, or P̄e = 1). */
  value: number | null;
  /** N: number of items (rows). */
  items: number;
  /** n: number of ratings per item (every row must sum to it). */
  ratersPerItem: number;
  /** k: number of categories (columns). */
  categories: number;
  /** P̄: mean share of agreeing rater pairs per item. */
  observedAgreement: number | null;
  /** P̄e = Σ_j p_j²: agreement expected from the pooled category shares. */
  expectedAgreement: number | null;
  /** p_j: share of all ratings that went to category j. */
  categoryShares: number[];
  /** κ_j (Fleiss 1971, eq. 20–21): category j against all others; null where p_j is 0 or 1. */
  byCategory: (number | null)[];
  warnings: string[];
};

/**
 * Fleiss' kappa for a fixed number n of ratings per item, where the raters
 * may differ from item to item. `counts[i][j]` is how many raters put item i
 * in category j.
 *
 *   P_i = (Σ_j n_ij² − n) / (n(n − 1)),   P̄ = (1/N) Σ_i P_i
 *   p_j = Σ_i n_ij / (N n),               P̄e = Σ_j p_j²
 *   κ = (P̄ − P̄e) / (1 − P̄e)
 *   κ_j = 1 − Σ_i n_ij (n − n_ij) / (N n (n − 1) p_j (1 − p_j))
 *
 * Reference: Fleiss, J. L. (1971). Measuring nominal scale agreement among
 * many raters. Psychological Bulletin 76(5), 378–382.
 *
 * @throws RangeError when the matrix is ragged, a cell is not a non-negative
 *   whole number, or rows sum to different numbers of raters: the formula
 *   assumes a constant n, and quietly averaging over unequal rows would
 *   misstate both P̄ and P̄e.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissKappaResult {
  const items = counts.length;
  const categories = counts[0]?.length ?? 0;
  const ratersPerItem = counts[0]?.reduce((sum, c) => sum + c, 0) ?? 0;
  counts.forEach((row, i) => {
    if (row.length !== categories) {
      throw new RangeError(`fleissKappa: row ${i} has ${row.length} categories but row 0 has ${categories}`);
    }
    row.forEach((cell, j) => {
      if (!Number.isSafeInteger(cell) || cell < 0) {
        throw new RangeError(`fleissKappa: counts[${i}][${j}] is ${cell}; counts must be whole numbers ≥ 0`);
      }
    });
    const total = row.reduce((sum, c) => sum + c, 0);
    if (total !== ratersPerItem) {
      throw new RangeError(
        `fleissKappa needs the same number of ratings for every item: row 0 sums to ${ratersPerItem} but row ${i} sums to ${total}`,
      );
    }
  });

  const warnings = fewItemsWarning(items, "items");
  const empty = { items, ratersPerItem, categories, observedAgreement: null, expectedAgreement: null };
  if (items === 0) return { value: null, ...empty, categoryShares: [], byCategory: [], warnings };
  if (ratersPerItem < 2) {
    warnings.push(`each item has ${ratersPerItem} rating(s); agreement needs at least 2 raters per item`);
    return { value: null, ...empty, categoryShares: new Array<number>(categories).fill(0), byCategory: [], warnings };
  }

  const n = ratersPerItem;
  const pairsPerItem = n * (n - 1);
  const columnTotals = new Array<number>(categories).fill(0);
  let sumOfItemAgreement = 0;
  for (const row of counts) {
    let squares = 0;
    row.forEach((cell, j) => {
      squares += cell * cell;
      columnTotals[j] = (columnTotals[j] ?? 0) + cell;
    });
    sumOfItemAgreement += (squares - n) / pairsPerItem;
  }
  const observedAgreement = sumOfItemAgreement / items;
  const categoryShares = columnTotals.map((total) => total / (items * n));
  const expectedAgreement = categoryShares.reduce((sum, p) => sum + p * p, 0);

  const byCategory = categoryShares.map((p, j) => {
    // κ_j compares category j with "anything else"; with p_j = 0 or 1 there is no "else".
    if (p <= ROUNDING_TOLERANCE || 1 - p <= ROUNDING_TOLERANCE) return null;
    const disagreeingPairs = counts.reduce((sum, row) => sum + (row[j] ?? 0) * (n - (row[j] ?? 0)), 0);
    const ratio = ratioOrNull(disagreeingPairs, items * pairsPerItem * p * (1 - p));
    return ratio === null ? null : 1 - ratio;
  });

  const value = kappaFrom(observedAgreement, expectedAgreement);
  if (value === null) {
    warnings.push("every rating went to one category: chance alone predicts perfect agreement, so kappa is undefined");
  }
  return { value, items, ratersPerItem, categories, observedAgreement, expectedAgreement, categoryShares, byCategory, warnings };
}
