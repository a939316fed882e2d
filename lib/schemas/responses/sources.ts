import { z } from "zod";

// The sources' figures (lib/db/figures/*) as the pages and the API send them.

export const SourceRef = z.object({ id: z.string(), name: z.string(), slug: z.string(), homepage: z.string().nullable(), description: z.string().nullable() });
export type SourceRef = z.infer<typeof SourceRef>;

/** The basis a view rests on, and its months, in words. */
export const ViewBasis = z.object({ key: z.string(), description: z.string(), filters: z.string() });
export type ViewBasis = z.infer<typeof ViewBasis>;

export const BasisChoice = z.object({ value: z.string(), label: z.string() });
export type BasisChoice = z.infer<typeof BasisChoice>;

/** A 95% interval (lib/aggregates/bootstrap.ts). */
const Interval = z.tuple([z.number(), z.number()]).readonly();

export const LabelFigure = z.object({ key: z.string(), count: z.number(), per1kWords: z.number().nullable(), articlesWith: z.number(), ci95: Interval.nullable() });
export const KindFigures = z.object({ named: z.number(), anonymous: z.number(), vague: z.number(), anonymousOrVagueShare: z.number().nullable() });
/** lib/aggregates/figures.ts's LabelRole: what a label feeds besides its counts. */
export const LabelRole = z.enum(["EXPRESSIONS", "ATTRIBUTIONS", "UNVERIFIED"]);
export const LabelMeta = z.object({ key: z.string(), name: z.string(), color: z.string(), role: LabelRole.nullable() });

/** lib/aggregates/agreement.ts's SourceAgreement. */
export const SourceAgreement = z.object({
  measure: z.literal("unitizing alpha"),
  shown: z.boolean(),
  mean: z.number().nullable(),
  articles: z.number(),
  defined: z.number(),
  pending: z.number(),
  note: z.string().nullable(),
});

const Coverage = z.object({ articles: z.number(), words: z.number() });

/** The figures of one source that its row in the index and its own page both show. */
const SourceFigures = z.object({
  source: SourceRef,
  corpus: Coverage,
  articles: z.number(),
  words: z.number(),
  labels: z.array(LabelFigure),
  unverifiedArticleShare: z.number().nullable(),
  attributionKinds: KindFigures,
});

export const SourceIndexItem = SourceFigures.extend({
  /** Mean article agreement among annotators (whatever the basis), with what it rests on. */
  agreement: SourceAgreement,
});
export type SourceIndexItem = z.infer<typeof SourceIndexItem>;

export const LoadedExpression = z.object({ expression: z.string(), spans: z.number(), articles: z.number() });
export const CitedAttribution = z.object({ speakerKey: z.string(), speaker: z.string(), kind: z.string(), spans: z.number(), articles: z.number() });

/** One source's figures: GET /api/sources/:id and the source page. */
export const SourceStats = SourceFigures.extend({
  basis: ViewBasis,
  labelMeta: z.array(LabelMeta),
  monthly: z.array(z.object({ month: z.string(), articles: z.number(), words: z.number(), labels: z.array(LabelFigure) })),
  topLoaded: z.array(LoadedExpression),
  topAttributions: z.array(CitedAttribution),
  articleRows: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      publishedAt: z.string().nullable(),
      month: z.string().nullable(),
      words: z.number(),
      counts: z.record(z.string(), z.number()),
      per1kWords: z.record(z.string(), z.number().nullable()),
    }),
  ),
  bootstrap: z.object({ resamples: z.number(), seed: z.number(), level: z.number() }),
  agreement: SourceAgreement,
});
export type SourceStats = z.infer<typeof SourceStats>;

export const EvidenceSpan = z.object({
  id: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  publishedAt: z.string().nullable(),
  label: z.string(),
  quote: z.string(),
  start: z.number(),
  end: z.number(),
  kind: z.string(),
  speaker: z.string().nullable(),
  annotatorId: z.string(),
  annotatorName: z.string(),
  href: z.string(),
});
export type EvidenceSpan = z.infer<typeof EvidenceSpan>;

/** GET /api/sources/:id/evidence: a page of spans behind one figure, and the basis they were read on. */
export const EvidencePage = z.object({ basis: ViewBasis, items: z.array(EvidenceSpan), nextCursor: z.string().nullable() });
export type EvidencePage = z.infer<typeof EvidencePage>;

/** POST /api/sources and PATCH /api/sources/:id: the fields the client reads. */
export const SavedSource = z.looseObject({ id: z.string() });
