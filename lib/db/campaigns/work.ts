// "My work" (issue #15 §3): the signed-in person's campaign articles, by campaign, with their
// status and the campaign's due date and progress. Scoped by the actor: nobody reads another's list.
import type { Actor } from "../../auth/policy";
import type { MyWork, WorkStatus } from "../../schemas/responses/campaigns";
import { db } from "../client";
import { blindTitle, outletBlindArticleIds } from "./outlet-blind";
import { assignmentOf, heldWork } from "./read";

export async function listMyWork(args: { actor: Actor }): Promise<MyWork> {
  const { actor } = args;
  const client = db();
  const campaigns = await client.campaign.findMany({
    where: { status: { in: ["RUNNING", "CLOSED"] }, members: { some: { userId: actor.id } } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
    select: { id: true, name: true, description: true, status: true, mode: true, overlap: true, dueAt: true, _count: { select: { articles: true } } },
  });
  const ids = campaigns.map((c) => c.id);
  const [held, mine] = await Promise.all([
    heldWork(ids),
    client.campaignAssignment.findMany({
      where: { userId: actor.id, campaignId: { in: ids }, abandonedAt: null },
      orderBy: { handedOutAt: "asc" },
      select: { campaignId: true, articleId: true, handedOutAt: true, article: { select: { title: true, source: { select: { name: true, domain: true, homepage: true } } } } },
    }),
  ]);
  const statuses = await client.assignment.findMany({ where: { userId: actor.id, articleId: { in: mine.map((m) => m.articleId) } }, select: { articleId: true, status: true } });
  const statusOf = new Map(statuses.map((s) => [s.articleId, s.status as WorkStatus]));
  const positions = await client.campaignArticle.findMany({ where: { campaignId: { in: ids }, articleId: { in: mine.map((m) => m.articleId) } }, select: { campaignId: true, articleId: true, position: true } });
  const blind = await outletBlindArticleIds({ actor, articleIds: mine.map((m) => m.articleId) });
  const positionOf = new Map(positions.map((p) => [`${p.campaignId}:${p.articleId}`, p.position]));
  return {
    campaigns: campaigns.map((c) => {
      const items = mine
        .filter((m) => m.campaignId === c.id)
        .sort((a, b) => (positionOf.get(`${c.id}:${a.articleId}`) ?? 0) - (positionOf.get(`${c.id}:${b.articleId}`) ?? 0))
        .map((m) => ({
          articleId: m.articleId,
          ...(blind.has(m.articleId) ? { title: blindTitle(m.article.title, m.article.source), source: null } : { title: m.article.title, source: m.article.source.name }),
          status: statusOf.get(m.articleId) ?? ("ASSIGNED" as const), handedOutAt: m.handedOutAt.toISOString() }));
      const everyone = held.filter((h) => h.campaignId === c.id);
      return {
        id: c.id,
        name: c.name,
        description: c.description,
        status: c.status,
        assignment: assignmentOf(c.mode),
        dueAt: c.dueAt?.toISOString() ?? null,
        mine: { handedOut: items.length, submitted: items.filter((i) => i.status === "SUBMITTED").length },
        overall: { slots: c._count.articles * c.overlap, submitted: everyone.reduce((n, h) => n + h.submitted, 0) },
        items,
      };
    }),
  };
}

/**
 * After submitting an article of a campaign: the person's next one there. In a static campaign,
 * the first of their articles not yet submitted; in a dynamic one the caller pulls (pullNextArticle).
 * Null when the article is in none of their campaigns.
 */
export async function campaignOfArticle(args: { actor: Actor; articleId: string }): Promise<{ id: string; assignment: "static" | "dynamic" } | null> {
  const row = await db().campaignAssignment.findFirst({
    where: { userId: args.actor.id, articleId: args.articleId, abandonedAt: null, campaign: { status: "RUNNING" } },
    orderBy: { handedOutAt: "desc" },
    select: { campaign: { select: { id: true, mode: true } } },
  });
  return row ? { id: row.campaign.id, assignment: assignmentOf(row.campaign.mode) } : null;
}
