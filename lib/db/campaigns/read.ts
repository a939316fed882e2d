// Campaigns as reviewers and admins follow them: the list, and one campaign with its pool,
// its articles' panels and its shortfalls.
import { authorize, type Actor } from "../../auth/policy";
import { groupOf } from "../../campaigns/pool";
import { notFound } from "../../errors";
import type { CampaignDetail, CampaignSummary, WorkStatus } from "../../schemas/responses/campaigns";
import { db } from "../client";

/** The detail page lists this many articles (in campaign order); the counts cover them all. */
export const DETAIL_ARTICLES = 500;

const summarySelect = {
  id: true,
  name: true,
  description: true,
  status: true,
  mode: true,
  overlap: true,
  balanceBy: true,
  labelKeys: true,
  guidelineVersion: true,
  blindOutlet: true,
  abandonAfterMinutes: true,
  dueAt: true,
  createdAt: true,
  startedAt: true,
  shortfalls: true,
  createdBy: { select: { id: true, name: true } },
  _count: { select: { articles: true, members: true } },
} as const;

type Row = {
  id: string; name: string; description: string; status: CampaignSummary["status"]; mode: "STATIC" | "DYNAMIC"; overlap: number; balanceBy: string | null;
  labelKeys: string[]; guidelineVersion: number | null; blindOutlet: boolean; abandonAfterMinutes: number | null; dueAt: Date | null; createdAt: Date;
  startedAt: Date | null; createdBy: { id: string; name: string }; _count: { articles: number; members: number };
};

/** Hand-outs held now (not abandoned) and, of those, submitted: per campaign and member. */
export async function heldWork(campaignIds: readonly string[]) {
  if (campaignIds.length === 0) return [];
  return db().$queryRaw<{ campaignId: string; userId: string; handedOut: number; submitted: number }[]>`
    SELECT ca."campaignId", ca."userId", count(*)::int AS "handedOut", count(*) FILTER (WHERE a.status = 'SUBMITTED')::int AS submitted
    FROM "CampaignAssignment" ca
    LEFT JOIN "Assignment" a ON a."articleId" = ca."articleId" AND a."userId" = ca."userId"
    WHERE ca."campaignId" = ANY(${campaignIds}::uuid[]) AND ca."abandonedAt" IS NULL
    GROUP BY 1, 2`;
}

/** The API's name for a campaign's assignment mode. */
export const assignmentOf = (mode: "STATIC" | "DYNAMIC") => (mode === "STATIC" ? ("static" as const) : ("dynamic" as const));

function summary(row: Row, held: readonly { campaignId: string; handedOut: number; submitted: number }[]): CampaignSummary {
  const mine = held.filter((h) => h.campaignId === row.id);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    assignment: assignmentOf(row.mode),
    overlap: row.overlap,
    balanceBy: row.balanceBy,
    labels: row.labelKeys,
    guidelineVersion: row.guidelineVersion,
    blindOutlet: row.blindOutlet,
    abandonAfterMinutes: row.abandonAfterMinutes,
    dueAt: row.dueAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    createdBy: row.createdBy,
    articleCount: row._count.articles,
    memberCount: row._count.members,
    progress: {
      slots: row._count.articles * row.overlap,
      handedOut: mine.reduce((n, h) => n + h.handedOut, 0),
      submitted: mine.reduce((n, h) => n + h.submitted, 0),
    },
  };
}

/** Newest first. */
export async function listCampaigns(args: { actor: Actor }): Promise<CampaignSummary[]> {
  authorize(args.actor, "campaign:manage");
  const rows = await db().campaign.findMany({ select: summarySelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  const held = await heldWork(rows.map((r) => r.id));
  return rows.map((r) => summary(r, held));
}

export async function getCampaign(args: { actor: Actor; id: string }): Promise<CampaignDetail> {
  authorize(args.actor, "campaign:manage");
  const client = db();
  const row = await client.campaign.findUnique({ where: { id: args.id }, select: summarySelect });
  if (!row) throw notFound("Campaign");
  const [held, members, field, articles] = await Promise.all([
    heldWork([row.id]),
    client.campaignMember.findMany({ where: { campaignId: row.id }, select: { user: { select: { id: true, name: true, profile: true } } } }),
    row.balanceBy ? client.profileField.findUnique({ where: { key: row.balanceBy }, select: { name: true, options: true } }) : null,
    client.campaignArticle.findMany({
      where: { campaignId: row.id },
      orderBy: { position: "asc" },
      take: DETAIL_ARTICLES,
      select: { article: { select: { id: true, title: true, source: { select: { name: true } } } } },
    }),
  ]);
  const options = field?.options ?? [];
  const groups = new Map(members.map((m) => [m.user.id, groupOf(m.user.profile, row.balanceBy, options)]));
  const articleIds = articles.map((a) => a.article.id);
  const handOuts = await client.campaignAssignment.findMany({
    where: { campaignId: row.id, abandonedAt: null, articleId: { in: articleIds } },
    orderBy: { handedOutAt: "asc" },
    select: { articleId: true, user: { select: { id: true, name: true } } },
  });
  const statuses = await client.assignment.findMany({ where: { articleId: { in: articleIds }, userId: { in: [...groups.keys()] } }, select: { articleId: true, userId: true, status: true } });
  const statusOf = new Map(statuses.map((s) => [`${s.articleId}:${s.userId}`, s.status as WorkStatus]));
  const shortfalls = (row.shortfalls ?? []) as { articleId: string; reason: string }[];
  const titles = new Map(
    (await client.article.findMany({ where: { id: { in: shortfalls.map((s) => s.articleId) } }, select: { id: true, title: true } })).map((a) => [a.id, a.title]),
  );
  return {
    ...summary(row, held),
    balanceName: field?.name ?? null,
    balanceOptions: options,
    members: members
      .map((m) => {
        const h = held.find((x) => x.userId === m.user.id);
        return { id: m.user.id, name: m.user.name, group: groups.get(m.user.id) ?? null, handedOut: h?.handedOut ?? 0, submitted: h?.submitted ?? 0 };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    articles: articles.map(({ article }) => ({
      id: article.id,
      title: article.title,
      source: article.source.name,
      annotators: handOuts
        .filter((h) => h.articleId === article.id)
        .map((h) => ({ ...h.user, group: groups.get(h.user.id) ?? null, status: statusOf.get(`${article.id}:${h.user.id}`) ?? "ASSIGNED" })),
    })),
    shortfalls: shortfalls.map((s) => ({ ...s, title: titles.get(s.articleId) ?? "" })),
  };
}
