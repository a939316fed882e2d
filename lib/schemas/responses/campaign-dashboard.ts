import { z } from "zod";

// The reviewer queue and a campaign's dashboard as the API sends them (lib/db/campaigns/dashboard.ts,
// lib/db/campaigns/review-queue.ts build them).

const Summary = z.object({ mean: z.number().nullable(), defined: z.number() });
/** lib/agreement's ReportRow. */
export const ReportRow = z.object({
  key: z.string(),
  articles: z.number(),
  spans: z.number(),
  alpha: Summary,
  kappa: Summary,
  f1Exact: Summary,
  f1Partial: Summary,
  f1Pooled: z.object({ exact: z.number().nullable(), partial: z.number().nullable(), pairs: z.number(), oneSided: z.number() }),
  warnings: z.array(z.string()),
});

export const CampaignDashboard = z.object({
  campaign: z.object({ id: z.string(), name: z.string(), overlap: z.number(), balanceBy: z.string().nullable(), balanceName: z.string().nullable() }),
  /** slots = articles × k; submitted of the slots held now; fullySubmitted: articles whose k hand-outs are all submitted. */
  progress: z.object({ articles: z.number(), slots: z.number(), handedOut: z.number(), submitted: z.number(), fullySubmitted: z.number() }),
  /** Articles with two or more raters compared; those whose stored figures are still being computed. */
  articlesCompared: z.number(),
  articlesPending: z.number(),
  byLabel: z.array(ReportRow),
  byGroup: z.array(ReportRow.extend({ kind: z.enum(["within", "across"]), groups: z.tuple([z.string(), z.string()]).nullable() })),
  annotators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      group: z.string().nullable(),
      submitted: z.number(),
      spans: z.number(),
      words: z.number(),
      spansPerThousandWords: z.number().nullable(),
      withOthers: z.number().nullable(),
      sharedArticles: z.number(),
      /** Exact span F1 against gold on their submitted articles that are adjudicated. */
      withGold: z.number().nullable(),
      goldArticles: z.number(),
      outlier: z.boolean(),
    }),
  ),
  outlierRule: z.object({ median: z.number().nullable(), threshold: z.number().nullable(), minArticles: z.number(), mads: z.number() }),
});
export type CampaignDashboard = z.infer<typeof CampaignDashboard>;

export const ReviewQueueItem = z.object({
  articleId: z.string(),
  title: z.string(),
  source: z.string(),
  /** The campaigns in which the article's k hand-outs are all submitted; empty: outside campaigns, two or more submitted. */
  campaigns: z.array(z.object({ id: z.string(), name: z.string() })),
  raters: z.array(z.object({ id: z.string(), name: z.string() })),
  goldStatus: z.enum(["NONE", "IN_PROGRESS", "ADJUDICATED"]),
  changedSinceAdjudication: z.boolean(),
  /** The article's stored all-label unitizing alpha; null: not computed yet, or undefined. */
  alpha: z.number().nullable(),
  /** 1 − alpha: the queue's order, most disagreement first; articles without a figure last. */
  disagreement: z.number().nullable(),
  submittedAt: z.string().nullable(),
});
/** `campaign`: the campaign the queue was narrowed to, if any. */
export const ReviewQueue = z.object({ campaign: z.object({ id: z.string(), name: z.string() }).nullable(), items: z.array(ReviewQueueItem), total: z.number() });
export type ReviewQueue = z.infer<typeof ReviewQueue>;
