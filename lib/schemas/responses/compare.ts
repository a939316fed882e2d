import { z } from "zod";

// The compare view's data and the adjudication answers (lib/db/spans/*).

const Person = z.object({ id: z.string(), name: z.string() });
const Attributes = z.record(z.string(), z.unknown());

export const GoldStatus = z.enum(["NONE", "IN_PROGRESS", "ADJUDICATED"]);

/** What every span view shows: where it is, what it says, and its label. */
const SpanFields = z.object({
  id: z.string(),
  label: z.string(),
  start: z.number(),
  end: z.number(),
  quote: z.string(),
  note: z.string().nullable(),
  attributes: Attributes,
});

export const CompareAnnotation = SpanFields.extend({
  annotatorId: z.string(),
  review: z.object({ decision: z.enum(["ACCEPTED", "REJECTED"]), reason: z.string().nullable() }).nullable(),
  comments: z.number(),
});
export type CompareAnnotation = z.infer<typeof CompareAnnotation>;

export const GoldView = SpanFields.extend({
  version: z.number(),
  adjudicator: Person,
  fromAnnotationIds: z.array(z.string()),
  updatedAt: z.string(),
});
export type GoldView = z.infer<typeof GoldView>;

const PairSums = z.object({
  raters: z.tuple([z.string(), z.string()]).readonly(),
  predicted: z.number(),
  reference: z.number(),
  exactMatches: z.number(),
  partialPrecisionSum: z.number(),
  partialRecallSum: z.number(),
});

/** lib/agreement's LabelAgreement, as it travels. */
export const LabelAgreement = z.object({
  label: z.string(),
  unitizingAlpha: z.object({ value: z.number().nullable(), observed: z.number(), expected: z.number() }),
  kappa: z.object({ value: z.number().nullable(), method: z.enum(["cohen", "fleiss"]).nullable(), tokens: z.number() }),
  f1: z.object({ exact: z.number().nullable(), partial: z.number().nullable(), pairs: z.number(), pairSums: z.array(PairSums) }),
  counts: z.record(z.string(), z.number()),
  warnings: z.array(z.string()),
});

export const CompareData = z.object({
  article: z.object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    goldStatus: GoldStatus,
    /** When an annotator's span changed after the article was adjudicated (null if it has not). */
    changedSinceAdjudicationAt: z.string().nullable(),
    source: Person,
  }),
  /** Everyone who annotated or started/submitted the article: an annotator with no spans still counts; with their profile values (admin-defined fields), for reviewers. */
  raters: z.array(Person.extend({ profile: z.array(z.object({ field: z.string(), value: z.string() })) })),
  annotations: z.array(CompareAnnotation),
  gold: z.array(GoldView),
  agreement: z.array(LabelAgreement),
  /** Annotator spans neither in gold nor reviewed: adjudication is refused while there are any. */
  undecided: z.array(z.string()),
});
export type CompareData = z.infer<typeof CompareData>;

export const CommentView = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  annotationId: z.string().nullable(),
  goldAnnotationId: z.string().nullable(),
  author: Person,
});
export type CommentView = z.infer<typeof CommentView>;
export const CommentList = z.object({ items: z.array(CommentView) });
