import { z } from "zod";
import { IsoDay, Line, Text, Uuid } from "./common";

// Campaign inputs (issue #15): shared by the API, the create form and the tests.

/** A campaign of the benchmark's size (10,000 articles) fits; larger sets are added in steps. */
export const MAX_CAMPAIGN_ARTICLES = 20_000;
export const MAX_OVERLAP = 20;

/** Articles by filter: sources and a publication date range (inclusive). */
export const CampaignArticleFilter = z.strictObject({
  sourceIds: z.array(Uuid).max(500).optional(),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
});
export type CampaignArticleFilter = z.infer<typeof CampaignArticleFilter>;

const LabelKeys = z.array(z.string().min(1).max(100)).max(200);
/** A full ISO timestamp, or a day (due at its end, UTC). */
const DueAt = z.union([z.iso.datetime({ offset: true }), IsoDay.transform((d) => `${d}T23:59:59.999Z`)]);
const AbandonAfterMinutes = z.number().int().min(1).max(60 * 24 * 90);
const Overlap = z.number().int().min(1).max(MAX_OVERLAP);
const FieldKey = z.string().min(1).max(100);

/** POST /api/campaigns. Articles are the union of `articleIds` and what `filter` matches (either may be absent: add them later). */
export const CreateCampaignInput = z.strictObject({
  name: Line(200),
  description: Text().trim().max(5000).optional(),
  articleIds: z.array(Uuid).max(MAX_CAMPAIGN_ARTICLES).optional(),
  filter: CampaignArticleFilter.optional(),
  labels: LabelKeys.optional(),
  guidelineVersion: z.number().int().min(1).optional(),
  annotatorIds: z.array(Uuid).min(1, "choose at least one annotator").max(1000),
  overlap: Overlap,
  balanceBy: FieldKey.optional(),
  /** Stored for the outlet-blind option (issue #15 §4); not yet enforced. */
  blindOutlet: z.boolean().optional(),
  assignment: z.enum(["static", "dynamic"]),
  abandonAfterMinutes: AbandonAfterMinutes.optional(),
  dueAt: DueAt.optional(),
});
export type CreateCampaignInput = z.infer<typeof CreateCampaignInput>;

/**
 * PATCH /api/campaigns/:id. While a draft, every setting may change (annotatorIds replaces the pool);
 * once running, only the name, description and due date, and articles may be added (addArticleIds, addFilter).
 */
export const UpdateCampaignInput = z.strictObject({
  /** Closing ends the campaign: nothing more is handed out; work already handed out stays on My work. */
  status: z.literal("CLOSED").optional(),
  name: Line(200).optional(),
  description: Text().trim().max(5000).optional(),
  dueAt: DueAt.nullable().optional(),
  labels: LabelKeys.optional(),
  guidelineVersion: z.number().int().min(1).nullable().optional(),
  annotatorIds: z.array(Uuid).min(1, "choose at least one annotator").max(1000).optional(),
  overlap: Overlap.optional(),
  balanceBy: FieldKey.nullable().optional(),
  blindOutlet: z.boolean().optional(),
  assignment: z.enum(["static", "dynamic"]).optional(),
  abandonAfterMinutes: AbandonAfterMinutes.nullable().optional(),
  addArticleIds: z.array(Uuid).max(MAX_CAMPAIGN_ARTICLES).optional(),
  addFilter: CampaignArticleFilter.optional(),
});
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignInput>;

/** Settings that only a draft may change: the matrix, once handed out, is not recomputed. */
export const DRAFT_ONLY_SETTINGS = ["labels", "guidelineVersion", "annotatorIds", "overlap", "balanceBy", "blindOutlet", "assignment", "abandonAfterMinutes"] as const;
