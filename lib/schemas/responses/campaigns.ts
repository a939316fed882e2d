import { z } from "zod";

// Campaigns as the API sends them (lib/db/campaigns builds them).

const Person = z.object({ id: z.string(), name: z.string() });
export const CampaignStatus = z.enum(["DRAFT", "RUNNING", "CLOSED"]);
export const WorkStatus = z.enum(["ASSIGNED", "IN_PROGRESS", "SUBMITTED"]);
export type WorkStatus = z.infer<typeof WorkStatus>;
export const Shortfall = z.object({ articleId: z.string(), title: z.string(), reason: z.string() });

export const CampaignSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: CampaignStatus,
  assignment: z.enum(["static", "dynamic"]),
  overlap: z.number(),
  balanceBy: z.string().nullable(),
  labels: z.array(z.string()),
  guidelineVersion: z.number().nullable(),
  /** Stored; outlet hiding is not yet enforced. */
  blindOutlet: z.boolean(),
  abandonAfterMinutes: z.number().nullable(),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  createdBy: Person,
  articleCount: z.number(),
  memberCount: z.number(),
  /** Slots = articles × k; handed out = slots held now (not abandoned); submitted = of those, submitted. */
  progress: z.object({ slots: z.number(), handedOut: z.number(), submitted: z.number() }),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;
export const CampaignList = z.object({ items: z.array(CampaignSummary) });

export const CampaignMemberView = Person.extend({ group: z.string().nullable(), handedOut: z.number(), submitted: z.number() });
export const CampaignArticleView = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  annotators: z.array(Person.extend({ group: z.string().nullable(), status: WorkStatus })),
});

/** GET /api/campaigns/:id: the first `articles.length` of `articleCount` articles in campaign order. */
export const CampaignDetail = CampaignSummary.extend({
  /** The balancing field's name and options (the panel groups); null name: the field was removed. */
  balanceName: z.string().nullable(),
  balanceOptions: z.array(z.string()),
  members: z.array(CampaignMemberView),
  articles: z.array(CampaignArticleView),
  shortfalls: z.array(Shortfall),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

/** POST /api/campaigns/:id/start. */
export const StartCampaignResult = z.object({ status: CampaignStatus, handedOut: z.number(), shortfalls: z.array(Shortfall) });
export type StartCampaignResult = z.infer<typeof StartCampaignResult>;

/** POST /api/campaigns/:id/next (200; 204 when nothing is left). `resumed`: the article the analyst already held. */
export const NextArticle = z.object({ campaignId: z.string(), articleId: z.string(), title: z.string(), resumed: z.boolean() });
export type NextArticle = z.infer<typeof NextArticle>;

/** `source` null: the article is outlet-blind for this reader (decision 0025), and its title lost the outlet's markers. */
export const WorkItem = z.object({ articleId: z.string(), title: z.string(), source: z.string().nullable(), status: WorkStatus, handedOutAt: z.string() });
export const WorkCampaign = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: CampaignStatus,
  assignment: z.enum(["static", "dynamic"]),
  dueAt: z.string().nullable(),
  /** The analyst's own: articles held and submitted. */
  mine: z.object({ handedOut: z.number(), submitted: z.number() }),
  /** The whole campaign: slots (articles × k) and submitted slots. */
  overall: z.object({ slots: z.number(), submitted: z.number() }),
  items: z.array(WorkItem),
});
export type WorkCampaign = z.infer<typeof WorkCampaign>;
/** GET /api/work. */
export const MyWork = z.object({ campaigns: z.array(WorkCampaign) });
export type MyWork = z.infer<typeof MyWork>;

/** What the campaign form offers (built on the server for the /campaigns page). */
export const CampaignFormChoices = z.object({
  people: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), profile: z.record(z.string(), z.string()) })),
  balanceFields: z.array(z.object({ key: z.string(), name: z.string(), options: z.array(z.string()) })),
  sources: z.array(z.object({ id: z.string(), name: z.string() })),
  articles: z.array(z.object({ id: z.string(), title: z.string(), source: z.string() })),
  labels: z.array(z.object({ key: z.string(), name: z.string() })),
  guidelineVersions: z.array(z.number()),
});
export type CampaignFormChoices = z.infer<typeof CampaignFormChoices>;
