// When an article's adjudication is complete: every annotator's span has been
// decided, i.e. taken into (live) gold or given a review verdict (accepted or
// rejected with a reason). One rule, used by the API that sets the status and
// by the compare view that shows what is left.

export type SpanDecisionState = { id: string; inGold: boolean; review: "ACCEPTED" | "REJECTED" | null };

export const isDecided = (span: SpanDecisionState) => span.inGold || span.review !== null;

/** The ids of the spans still waiting for the reviewer, in the order given. */
export function undecidedSpans(spans: SpanDecisionState[]): string[] {
  return spans.filter((s) => !isDecided(s)).map((s) => s.id);
}
