// Corpus-level ("pooled", micro) span F1 as SemEval-2020 Task 11 defines it for
// span identification (Da San Martino et al. 2020, doi:10.18653/v1/2020.semeval-1.186;
// scorer task-SI_scorer.py): one S and one T over all documents,
//
//   P = Σ_docs Σ_{s,t} |s∩t|/|s|  /  Σ_docs |S_doc|,   R = Σ_docs Σ_{s,t} |s∩t|/|t|  /  Σ_docs |T_doc|,
//
// i.e. the numerators and span counts of lib/agreement/span-f1.ts summed over
// articles before dividing, NOT the mean of per-article F1s. An article where
// one annotator marked nothing therefore counts, as in the task: its spans
// add to one denominator with no credit (lowering recall or precision),
// whereas its per-article F1 is undefined and drops out of a per-article mean.
//
// With more than two annotators there is no single S and T: each annotator
// pair gets the task's figure over the articles it shares, and a group's
// figure is the mean over pairs weighted by those articles (with two
// annotators, or one pair throughout, exactly the task's figure).

/** What spanF1 counted for one annotator pair on one article and label. */
export type PairSums = {
  raters: readonly [string, string];
  predicted: number;
  reference: number;
  exactMatches: number;
  partialPrecisionSum: number;
  partialRecallSum: number;
};

export type PooledF1 = {
  exact: number | null;
  partial: number | null;
  /** Annotator pairs with a defined figure. */
  pairs: number;
  /** (article, pair) units where one annotator marked nothing and the other something. */
  oneSided: number;
};

const f1 = (p: number | null, r: number | null) => (p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** The task's F1 over one pair's articles: sums first, then the ratios. */
export function pairPooledF1(units: readonly PairSums[]): { exact: number | null; partial: number | null } {
  let predicted = 0, reference = 0, exact = 0, pp = 0, pr = 0;
  for (const u of units) {
    predicted += u.predicted;
    reference += u.reference;
    exact += u.exactMatches;
    pp += u.partialPrecisionSum;
    pr += u.partialRecallSum;
  }
  return { exact: f1(ratio(exact, predicted), ratio(exact, reference)), partial: f1(ratio(pp, predicted), ratio(pr, reference)) };
}

/** Pooled F1 over many (article, pair) units: per pair as the task defines it, then weighted by the pair's articles. */
export function pooledF1(units: readonly PairSums[]): PooledF1 {
  const byPair = new Map<string, PairSums[]>();
  let oneSided = 0;
  for (const u of units) {
    const [x, y] = u.raters;
    const key = x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
    const list = byPair.get(key);
    if (list) list.push(u);
    else byPair.set(key, [u]);
    if ((u.predicted === 0) !== (u.reference === 0)) oneSided++;
  }
  let exactSum = 0, exactWeight = 0, partialSum = 0, partialWeight = 0, pairs = 0;
  for (const pairUnits of byPair.values()) {
    const { exact, partial } = pairPooledF1(pairUnits);
    if (exact !== null) {
      exactSum += exact * pairUnits.length;
      exactWeight += pairUnits.length;
    }
    if (partial !== null) {
      partialSum += partial * pairUnits.length;
      partialWeight += pairUnits.length;
      pairs++;
    }
  }
  return { exact: exactWeight === 0 ? null : exactSum / exactWeight, partial: partialWeight === 0 ? null : partialSum / partialWeight, pairs, oneSided };
}
