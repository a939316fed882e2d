import { fewItemsWarning, kappaFrom, similarSpellingWarnings } from "./result";

export type CohenKappaResult = {
  /** κ, or null when undefined (no complete pairs, or chance agreement Pe = 1). */
  value: number | null;
  /** Items where both raters gave a category: the only ones κ can use. */
  itemsCompared: number;
  /** Po: share of compared items on which the two raters chose the same category. */
  observedAgreement: number | null;
  /** Pe: agreement expected if each rater assigned categories at their own observed rates. */
  expectedAgreement: number | null;
  /** Every category either rater used on a compared item, in first-seen order. */
  categories: string[];
  /** Items left out because at least one rater gave no category (null). */
  droppedPairs: { total: number; missingInA: number; missingInB: number; missingInBoth: number };
  warnings: string[];
};

/**
 * Cohen's kappa for two raters who each put every item into one nominal
 * category:
 *
 *   κ = (Po − Pe) / (1 − Pe),   Po = Σ_k n_kk / n,   Pe = Σ_k (n_k· / n)(n_·k / n)
 *
 * Reference: Cohen, J. (1960). A coefficient of agreement for nominal scales.
 * Educational and Psychological Measurement 20(1), 37–46.
 *
 * `a[i]` and `b[i]` are the two raters' categories for item i; `null` means
 * the rater did not code the item. κ has no notion of a missing value, so such
 * items cannot be used; unlike tools that drop them silently, the dropped
 * pairs are counted in `droppedPairs` and announced in `warnings`.
 *
 * @throws RangeError when the two lists are not the same length (they must be
 *   aligned item by item, so a length mismatch means the data is misaligned).
 */
export function cohenKappa(a: readonly (string | null)[], b: readonly (string | null)[]): CohenKappaResult {
  if (a.length !== b.length) {
    throw new RangeError(
      `cohenKappa needs one category per item from each rater, aligned by item; got ${a.length} items from rater A and ${b.length} from rater B`,
    );
  }

  const dropped = { total: 0, missingInA: 0, missingInB: 0, missingInBoth: 0 };
  const pairs = new Map<string, number>(); // key: JSON [categoryA, categoryB]
  const marginalA = new Map<string, number>();
  const marginalB = new Map<string, number>();
  const categories: string[] = [];
  const note = (category: string) => {
    if (!marginalA.has(category) && !marginalB.has(category)) categories.push(category);
  };

  for (let i = 0; i < a.length; i++) {
    const fromA = a[i] ?? null;
    const fromB = b[i] ?? null;
    if (fromA === null || fromB === null) {
      dropped.total++;
      if (fromA === null && fromB === null) dropped.missingInBoth++;
      else if (fromA === null) dropped.missingInA++;
      else dropped.missingInB++;
      continue;
    }
    note(fromA);
    marginalA.set(fromA, (marginalA.get(fromA) ?? 0) + 1);
    note(fromB);
    marginalB.set(fromB, (marginalB.get(fromB) ?? 0) + 1);
    const key = JSON.stringify([fromA, fromB]);
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }

  const n = a.length - dropped.total;
  const warnings: string[] = [];
  if (a.length > 0 && a.every((v) => v === null)) warnings.push("rater A gave no categories at all");
  if (b.length > 0 && b.every((v) => v === null)) warnings.push("rater B gave no categories at all");
  if (dropped.total > 0) {
    warnings.push(
      `${dropped.total} of ${a.length} items were left out because a rater gave no category ` +
        `(missing in A only: ${dropped.missingInA}, in B only: ${dropped.missingInB}, in both: ${dropped.missingInBoth})`,
    );
  }
  warnings.push(...fewItemsWarning(n, "items coded by both raters"));
  warnings.push(...similarSpellingWarnings(categories));

  if (n === 0) {
    return { value: null, itemsCompared: 0, observedAgreement: null, expectedAgreement: null, categories, droppedPairs: dropped, warnings };
  }

  let agreeing = 0;
  let chance = 0;
  for (const category of categories) {
    agreeing += pairs.get(JSON.stringify([category, category])) ?? 0;
    chance += ((marginalA.get(category) ?? 0) / n) * ((marginalB.get(category) ?? 0) / n);
  }
  const observedAgreement = agreeing / n;
  const value = kappaFrom(observedAgreement, chance);
  if (value === null) {
    warnings.push(
      `both raters used only the category ${JSON.stringify(categories[0])}: chance alone predicts perfect agreement, so kappa is undefined`,
    );
  }
  return { value, itemsCompared: n, observedAgreement, expectedAgreement: chance, categories, droppedPairs: dropped, warnings };
}
