// The reviewer queue (issue #15 §5): articles ready to adjudicate, most disagreement first.
// Ready: in a running or closed campaign, the k hand-outs held now are all submitted; outside
// campaigns (or only in draft ones), two or more annotators submitted. Not ready any more once adjudicated, unless an
// annotator changed a span since. Disagreement is 1 − the article's stored all-label alpha
// (ArticleAgreement, kept current by the agreement queue after every span write): one statement,
// ordered and limited in the database, no figure computed on the request.
import { authorize, type Actor } from "../../auth/policy";
import { notFound } from "../../errors";
import type { ReviewQueue } from "../../schemas/responses/campaign-dashboard";
import { db } from "../client";
import { Prisma } from "../generated/client";

const { sql, empty } = Prisma;

/** The queue lists this many articles; `total` counts them all. */
export const REVIEW_QUEUE_LIMIT = 200;

type Row = {
  articleId: string;
  title: string;
  source: string;
  campaigns: { id: string; name: string }[];
  raters: { id: string; name: string }[];
  goldStatus: "NONE" | "IN_PROGRESS" | "ADJUDICATED";
  changed: boolean;
  alpha: number | null;
  submittedAt: Date | null;
  total: number;
};

export async function getReviewQueue(args: { actor: Actor; campaignId?: string; limit?: number }): Promise<ReviewQueue> {
  authorize(args.actor, "campaign:manage");
  const only = args.campaignId;
  const campaign = only ? await db().campaign.findUnique({ where: { id: only }, select: { id: true, name: true } }) : null;
  if (only && !campaign) throw notFound("Campaign");
  const rows = await db().$queryRaw<Row[]>`
    WITH in_campaign AS (
      SELECT ca."articleId", c.id AS "campaignId", c.name
      FROM "CampaignAssignment" ca
      JOIN "Campaign" c ON c.id = ca."campaignId"
      JOIN "Assignment" a ON a."articleId" = ca."articleId" AND a."userId" = ca."userId" AND a.status = 'SUBMITTED'
      WHERE ca."abandonedAt" IS NULL AND c.status IN ('RUNNING', 'CLOSED') ${only ? sql`AND c.id = ${only}::uuid` : empty}
      GROUP BY ca."articleId", c.id, c.name, c.overlap HAVING count(*) >= c.overlap
    ), loose AS (
      ${only ? sql`SELECT NULL::uuid AS "articleId" WHERE false` : sql`
      SELECT a."articleId" FROM "Assignment" a
      WHERE a.status = 'SUBMITTED'
        -- An article of a draft campaign has no panel yet: it counts as outside campaigns.
        AND NOT EXISTS (SELECT 1 FROM "CampaignArticle" x JOIN "Campaign" c ON c.id = x."campaignId" WHERE x."articleId" = a."articleId" AND c.status <> 'DRAFT')
      GROUP BY 1 HAVING count(*) >= 2`}
    ), ready AS (
      SELECT "articleId", json_agg(json_build_object('id', "campaignId", 'name', name) ORDER BY name) AS campaigns FROM in_campaign GROUP BY 1
      UNION ALL
      SELECT "articleId", '[]'::json FROM loose
    ), open AS (
      SELECT r."articleId", r.campaigns, ar.title, ar."sourceId", ar."goldStatus", ar."changedSinceAdjudicationAt" IS NOT NULL AS changed, g.alpha
      FROM ready r JOIN "Article" ar ON ar.id = r."articleId"
      LEFT JOIN "ArticleAgreement" g ON g."articleId" = r."articleId"
      WHERE ar."goldStatus" <> 'ADJUDICATED' OR ar."changedSinceAdjudicationAt" IS NOT NULL
    ), page AS (
      SELECT o.*, count(*) OVER () AS total FROM open o
      ORDER BY o.alpha ASC NULLS LAST, o.title, o."articleId" LIMIT ${args.limit ?? REVIEW_QUEUE_LIMIT}
    )
    SELECT p."articleId"::text AS "articleId", p.title, s.name AS source, p.campaigns, p."goldStatus"::text AS "goldStatus", p.changed, p.alpha, p.total::int AS total,
      COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name) FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
        WHERE a."articleId" = p."articleId" AND a.status = 'SUBMITTED'), '[]'::json) AS raters,
      (SELECT max(a."submittedAt") FROM "Assignment" a WHERE a."articleId" = p."articleId" AND a.status = 'SUBMITTED') AS "submittedAt"
    FROM page p JOIN "Source" s ON s.id = p."sourceId"
    ORDER BY p.alpha ASC NULLS LAST, p.title, p."articleId"`;
  return {
    campaign,
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      articleId: r.articleId,
      title: r.title,
      source: r.source,
      campaigns: r.campaigns,
      raters: r.raters,
      goldStatus: r.goldStatus,
      changedSinceAdjudication: r.changed,
      alpha: r.alpha,
      disagreement: r.alpha === null ? null : 1 - r.alpha,
      submittedAt: r.submittedAt?.toISOString() ?? null,
    })),
  };
}
