import { cohenKappa } from "./cohen-kappa";
import { fleissKappa } from "./fleiss-kappa";
import type { PairSums } from "./pooled-f1";
import { spanF1 } from "./span-f1";
import { unitizingAlpha } from "./unitizing-alpha";

// Agreement on one article, label by label, as the compare view and the API
// report it: Krippendorff's unitizing alpha on the character continuum;
// kappa on tokens (does the annotator's span of this label cover the token?),
// Cohen's for two annotators and Fleiss' for more; mean pairwise span F1.

export type RatedSpan = { rater: string; label: string; start: number; end: number };
export type Interval = { start: number; end: number };

export type LabelAgreement = {
  label: string;
  unitizingAlpha: { value: number | null; observed: number; expected: number };
  kappa: { value: number | null; method: "cohen" | "fleiss" | null; tokens: number };
  /** Mean over annotator pairs of this article's span F1; `pairSums` are what pooled (corpus) F1 adds up. */
  f1: { exact: number | null; partial: number | null; pairs: number; pairSums: PairSums[] };
  /** Spans of this label per annotator: the sample size behind every figure. */
  counts: Record<string, number>;
  warnings: string[];
};

/**
 * For each token (in text order, as tokenizers give them): does one of the spans overlap it?
 * One sweep over spans sorted by start, O((tokens + spans) log spans), instead of testing every
 * span against every token: the report runs this for every article, label and annotator.
 */
function coveredTokens(spans: Interval[], tokens: Interval[]): ("yes" | "no")[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const marks: ("yes" | "no")[] = new Array(tokens.length);
  let next = 0;
  let reach = -Infinity; // the furthest end among spans starting before the current token ends
  let ordered = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i > 0 && token.start < tokens[i - 1]!.start) ordered = false;
    while (next < sorted.length && sorted[next]!.start < token.end) reach = Math.max(reach, sorted[next++]!.end);
    marks[i] = reach > token.start ? "yes" : "no";
  }
  // Tokens out of order (never from our tokenizer): the plain test, which needs no order.
  if (!ordered) return tokens.map((t) => (spans.some((s) => s.start < t.end && t.start < s.end) ? "yes" : "no"));
  return marks;
}

function tokenKappa(byRater: Interval[][], tokens: Interval[]): LabelAgreement["kappa"] & { warnings: string[] } {
  if (byRater.length < 2) return { value: null, method: null, tokens: tokens.length, warnings: ["kappa needs at least two annotators"] };
  const marks = byRater.map((spans) => coveredTokens(spans, tokens));
  if (marks.length === 2) {
    const result = cohenKappa(marks[0]!, marks[1]!);
    return { value: result.value, method: "cohen", tokens: tokens.length, warnings: result.warnings };
  }
  const counts = tokens.map((_, i) => {
    const yes = marks.filter((m) => m[i] === "yes").length;
    return [yes, marks.length - yes];
  });
  const result = fleissKappa(counts);
  return { value: result.value, method: "fleiss", tokens: tokens.length, warnings: result.warnings };
}

function meanPairwiseF1(raters: string[], byRater: Interval[][]): LabelAgreement["f1"] {
  const exact: number[] = [];
  const partial: number[] = [];
  const pairSums: PairSums[] = [];
  for (let i = 0; i < byRater.length; i++) {
    for (let j = i + 1; j < byRater.length; j++) {
      const doc = (s: Interval) => ({ doc: "article", start: s.start, end: s.end });
      const result = spanF1(byRater[i]!.map(doc), byRater[j]!.map(doc));
      if (result.exact.f1 !== null) exact.push(result.exact.f1);
      if (result.partial.f1 !== null) partial.push(result.partial.f1);
      const { predictedSpans: predicted, referenceSpans: reference, exactMatches, partialPrecisionSum, partialRecallSum } = result;
      pairSums.push({ raters: [raters[i]!, raters[j]!], predicted, reference, exactMatches, partialPrecisionSum, partialRecallSum });
    }
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return { exact: mean(exact), partial: mean(partial), pairs: (byRater.length * (byRater.length - 1)) / 2, pairSums };
}

export function articleAgreement(input: { length: number; tokens: Interval[]; raters: string[]; labels: string[]; spans: RatedSpan[] }): LabelAgreement[] {
  const { raters, labels, spans } = input;
  const alpha = unitizingAlpha(
    spans.map((s) => ({ rater: s.rater, category: s.label, start: s.start, end: s.end })),
    { start: 0, end: input.length },
    { raters, categories: labels },
  );
  return labels.map((label) => {
    const byRater = raters.map((r) => spans.filter((s) => s.rater === r && s.label === label));
    const category = alpha.byCategory[label];
    const kappa = tokenKappa(byRater, input.tokens);
    const warnings = [...new Set([...(raters.length < 2 ? ["agreement needs at least two annotators"] : []), ...kappa.warnings])];
    if (category?.value == null && raters.length >= 2) warnings.push("unitizing alpha is undefined: nobody or everybody marked the whole text with this label");
    const silent = raters.filter((_, i) => byRater[i]!.length === 0);
    if (silent.length > 0 && silent.length < raters.length) warnings.push(`${silent.length} annotator(s) made no ${label} span`);
    return {
      label,
      unitizingAlpha: { value: category?.value ?? null, observed: category?.observed ?? 0, expected: category?.expected ?? 0 },
      kappa: { value: kappa.value, method: kappa.method, tokens: kappa.tokens },
      f1: meanPairwiseF1(raters, byRater),
      counts: Object.fromEntries(raters.map((r, i) => [r, byRater[i]!.length])),
      warnings,
    };
  });
}
