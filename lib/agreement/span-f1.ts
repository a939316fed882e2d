import { fewItemsWarning, ratioOrNull, similarSpellingWarnings } from "./result";

/** A character range [start, end) in document `doc`, optionally labelled. */
export type Span = { doc: string; start: number; end: number; label?: string };
export type PrecisionRecallF1 = { precision: number | null; recall: number | null; f1: number | null };

export type SpanF1Result = {
  /** The headline figure: partial-credit F1, as ranked in SemEval-2020 Task 11. */
  value: number | null;
  exact: PrecisionRecallF1;
  partial: PrecisionRecallF1;
  /** Whether spans were only compared with spans of the same label. */
  labelsMatched: boolean;
  /** |S| and |T| after overlapping spans were merged. */
  predictedSpans: number;
  referenceSpans: number;
  /** Predicted spans with a reference span of identical doc, start, end (and label). */
  exactMatches: number;
  /** Σ_s Σ_t |s∩t|/|s| and Σ_s Σ_t |s∩t|/|t|: the partial precision and recall numerators. */
  partialPrecisionSum: number;
  partialRecallSum: number;
  mergedOverlaps: { predicted: number; reference: number };
  emptySpansIgnored: { predicted: number; reference: number };
  warnings: string[];
};

/**
 * Precision, recall and F1 of `predicted` spans (S) against `reference` spans
 * (T), exactly and with the partial credit of the SemEval-2020 Task 11 span
 * identification scorer:
 *
 *   P = (1/|S|) Σ_{s∈S} Σ_{t∈T} |s∩t| / |s|,   R = (1/|T|) Σ_{s∈S} Σ_{t∈T} |s∩t| / |t|,   F1 = 2PR/(P+R)
 *
 * Reference: Da San Martino, G., Barrón-Cedeño, A., Wachsmuth, H., Petrov, R.,
 * Nakov, P. (2020). SemEval-2020 Task 11: Detection of Propaganda Techniques
 * in News Articles. Proc. SemEval-2020, 1377–1414, doi:10.18653/v1/2020.semeval-1.186
 * (subtask SI evaluation); and the task's scorer `task-SI_scorer.py` (compute_score_pr).
 *
 * Spans are compared only within one doc, and within one label when every
 * span on both sides carries a label. As in the scorer, overlapping spans on
 * one side (same doc and label) are merged first, so one character cannot be
 * credited twice; merges are counted. Unlike the scorer, which reports 0 for
 * precision with no predictions and F1 = 1 with nothing on either side, a
 * ratio with an empty denominator is null and explained in `warnings`.
 * Runs in O(n log n): one sort per (doc, label) group and a merge-walk.
 *
 * @throws RangeError for a span whose bounds are not whole numbers with start ≤ end.
 */
export function spanF1(predicted: readonly Span[], reference: readonly Span[]): SpanF1Result {
  const all = [...predicted, ...reference];
  all.forEach(({ start, end }, i) => {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) {
      const which = i < predicted.length ? `predicted[${i}]` : `reference[${i - predicted.length}]`;
      throw new RangeError(`spanF1: ${which} [${start}, ${end}) is not a range of whole numbers with start ≤ end`);
    }
  });
  const labelled = all.filter((s) => s.label !== undefined).length;
  const labelsMatched = all.length > 0 && labelled === all.length;
  const warnings: string[] = [];
  if (labelled > 0 && !labelsMatched) {
    warnings.push(`only ${labelled} of ${all.length} spans have a label, so labels were ignored and spans matched on position alone`);
  }

  const S = groupAndMerge(predicted, labelsMatched);
  const T = groupAndMerge(reference, labelsMatched);
  let exactMatches = 0;
  let partialPrecisionSum = 0;
  let partialRecallSum = 0;
  for (const [key, spansS] of S.groups) {
    const spansT = T.groups.get(key) ?? [];
    let x = 0;
    let y = 0;
    // Within a group both lists are sorted and disjoint, so each overlapping (s, t) pair meets once.
    while (x < spansS.length && y < spansT.length) {
      const [sStart, sEnd] = spansS[x] as [number, number];
      const [tStart, tEnd] = spansT[y] as [number, number];
      const overlap = Math.min(sEnd, tEnd) - Math.max(sStart, tStart);
      if (overlap > 0) {
        partialPrecisionSum += overlap / (sEnd - sStart);
        partialRecallSum += overlap / (tEnd - tStart);
        if (sStart === tStart && sEnd === tEnd) exactMatches++;
      }
      if (sEnd <= tEnd) x++;
      if (tEnd <= sEnd) y++;
    }
  }

  if (S.count === 0) warnings.push("no predicted spans: precision is undefined");
  if (T.count === 0) warnings.push("no reference spans: recall is undefined");
  else warnings.push(...fewItemsWarning(T.count, "reference spans"));
  if (S.merged + T.merged > 0) {
    warnings.push(`overlapping spans of the same doc${labelsMatched ? " and label" : ""} were merged: ${S.merged} predicted, ${T.merged} reference`);
  }
  if (S.empty + T.empty > 0) {
    warnings.push(`zero-length spans cover no characters and were ignored: ${S.empty} predicted, ${T.empty} reference`);
  }
  if (labelsMatched) warnings.push(...similarSpellingWarnings(all.map((s) => s.label ?? "")));

  const exact = withF1(ratioOrNull(exactMatches, S.count), ratioOrNull(exactMatches, T.count));
  const partial = withF1(ratioOrNull(partialPrecisionSum, S.count), ratioOrNull(partialRecallSum, T.count));
  return {
    value: partial.f1, exact, partial, labelsMatched,
    predictedSpans: S.count, referenceSpans: T.count, exactMatches, partialPrecisionSum, partialRecallSum,
    mergedOverlaps: { predicted: S.merged, reference: T.merged },
    emptySpansIgnored: { predicted: S.empty, reference: T.empty },
    warnings,
  };
}

/** F1 is the harmonic mean of P and R; undefined when either is, 0 when both are 0. */
function withF1(precision: number | null, recall: number | null): PrecisionRecallF1 {
  if (precision === null || recall === null) return { precision, recall, f1: null };
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Groups spans by doc (and label), sorted, with overlapping ones merged. */
function groupAndMerge(spans: readonly Span[], byLabel: boolean) {
  const groups = new Map<string, [number, number][]>();
  let empty = 0;
  for (const span of spans) {
    if (span.start === span.end) {
      empty++;
      continue;
    }
    const key = JSON.stringify([span.doc, byLabel ? span.label : null]);
    const list = groups.get(key) ?? [];
    groups.set(key, list);
    list.push([span.start, span.end]);
  }
  let merged = 0;
  let count = 0;
  for (const [key, list] of groups) {
    list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const disjoint: [number, number][] = [];
    for (const [start, end] of list) {
      const last = disjoint[disjoint.length - 1];
      if (last && start < last[1]) {
        last[1] = Math.max(last[1], end);
        merged++;
      } else disjoint.push([start, end]);
    }
    groups.set(key, disjoint);
    count += disjoint.length;
  }
  return { groups, count, merged, empty };
}
