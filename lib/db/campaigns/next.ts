// "Next article" in a dynamic campaign (issue #15 §2): the signed-in analyst pulls one article
// at a time. The campaign's row lock serialises pulls, so an article is never held by more than
// k people at once, however many pull together; work left untouched for the campaign's
// abandonment time goes back to the pool first.
import { authorize, type Actor } from "../../auth/policy";
import { pickArticle, type ArticleSlots } from "../../campaigns/assignment";
import { poolOf } from "../../campaigns/pool";
import { AppError } from "../../errors";
import type { NextArticle } from "../../schemas/responses/campaigns";
import { db } from "../client";
import type { Prisma } from "../generated/client";
import { handOut, lockCampaign, readPool } from "./locked";
import { blindTitle, isOutletBlind } from "./outlet-blind";

type Tx = Prisma.TransactionClient;

/**
 * Marks as abandoned the hand-outs nobody submitted whose last sign of work (the hand-out, the
 * article's assignment status, the person's last span change there) is older than `minutes`.
 * Their spans stay; the slot is offered again.
 */
export async function abandonStale(tx: Tx, campaignId: string, minutes: number): Promise<number> {
  return tx.$executeRaw`
    UPDATE "CampaignAssignment" ca SET "abandonedAt" = now()
    WHERE ca."campaignId" = ${campaignId}::uuid AND ca."abandonedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Assignment" s WHERE s."articleId" = ca."articleId" AND s."userId" = ca."userId" AND s.status = 'SUBMITTED')
      AND GREATEST(
            ca."handedOutAt",
            (SELECT s."updatedAt" FROM "Assignment" s WHERE s."articleId" = ca."articleId" AND s."userId" = ca."userId"),
            (SELECT max(n."updatedAt") FROM "Annotation" n WHERE n."articleId" = ca."articleId" AND n."annotatorId" = ca."userId")
          ) < now() - make_interval(mins => ${minutes}::int)`;
}

/** The analyst's next article, or null when nothing is left for them (the API answers 204). */
export async function pullNextArticle(args: { actor: Actor; campaignId: string }): Promise<NextArticle | null> {
  const next = await pull(args);
  if (!next || !(await isOutletBlind({ actor: args.actor, articleId: next.articleId }))) return next;
  // Outlet-blind (decision 0025): the title as the analyst's annotator will show it.
  const source = await db().source.findFirstOrThrow({ where: { articles: { some: { id: next.articleId } } }, select: { name: true, domain: true, homepage: true } });
  return { ...next, title: blindTitle(next.title, source) };
}

async function pull(args: { actor: Actor; campaignId: string }): Promise<NextArticle | null> {
  const { actor, campaignId } = args;
  return db().$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    const { members, options } = await readPool(tx, campaign);
    authorize(actor, "campaign:pull", { memberIds: members.map((m) => m.id) });
    if (campaign.mode !== "DYNAMIC") throw new AppError("CONFLICT", "This campaign assigns its articles when it starts: yours are listed under My work.", { assignment: "static" });
    if (campaign.status !== "RUNNING") throw new AppError("CONFLICT", `The campaign is ${campaign.status.toLowerCase()}: it hands out no articles.`, { status: campaign.status });
    if (campaign.abandonAfterMinutes) await abandonStale(tx, campaignId, campaign.abandonAfterMinutes);

    // One article at a time: an unsubmitted one the analyst holds comes back first.
    const [open] = await tx.$queryRaw<{ articleId: string; title: string }[]>`
      SELECT ca."articleId", a.title FROM "CampaignAssignment" ca
      JOIN "Article" a ON a.id = ca."articleId"
      JOIN "CampaignArticle" cx ON cx."campaignId" = ca."campaignId" AND cx."articleId" = ca."articleId"
      WHERE ca."campaignId" = ${campaignId}::uuid AND ca."userId" = ${actor.id}::uuid AND ca."abandonedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "Assignment" s WHERE s."articleId" = ca."articleId" AND s."userId" = ca."userId" AND s.status = 'SUBMITTED')
      ORDER BY cx.position LIMIT 1`;
    if (open) return { campaignId, articleId: open.articleId, title: open.title, resumed: true };

    const pool = poolOf(members, campaign.balanceBy, options);
    const groupOf = new Map(pool.map((m) => [m.id, m]));
    const [articles, held] = await Promise.all([
      tx.campaignArticle.findMany({ where: { campaignId }, orderBy: { position: "asc" }, select: { articleId: true } }),
      tx.campaignAssignment.findMany({ where: { campaignId, abandonedAt: null }, select: { articleId: true, userId: true } }),
    ]);
    const holders = new Map<string, { id: string; group: string | null }[]>();
    for (const h of held) {
      const list = holders.get(h.articleId) ?? [];
      // A holder since removed from the pool still fills the slot, without a group.
      list.push(groupOf.get(h.userId) ?? { id: h.userId, group: null });
      holders.set(h.articleId, list);
    }
    const slots: ArticleSlots[] = articles.map((a) => ({ articleId: a.articleId, holders: holders.get(a.articleId) ?? [] }));
    const me = groupOf.get(actor.id)!;
    const articleId = pickArticle(slots, me, pool, { overlap: campaign.overlap, groups: options });
    if (!articleId) return null;
    // Handed out again to someone who abandoned it before: their row is taken back.
    await tx.campaignAssignment.updateMany({ where: { campaignId, articleId, userId: actor.id }, data: { abandonedAt: null, handedOutAt: new Date() } });
    await handOut(tx, campaignId, [{ articleId, userId: actor.id }]);
    const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { title: true } });
    return { campaignId, articleId, title: article.title, resumed: false };
  });
}
