// Starting a campaign (issue #15 §2): a static one gets its whole matrix in one transaction;
// a dynamic one starts handing out on each analyst's first pull.
import { authorize, type Actor } from "../../auth/policy";
import { planStatic, type Shortfall } from "../../campaigns/assignment";
import { poolOf } from "../../campaigns/pool";
import { AppError } from "../../errors";
import type { StartCampaignResult } from "../../schemas/responses/campaigns";
import { recordAudit } from "../audit";
import { db } from "../client";
import type { Prisma } from "../generated/client";
import { handOut, lockCampaign, readPool, type LockedCampaign } from "./locked";

type Tx = Prisma.TransactionClient;

/** Plans `articleIds` over the pool, given what each member already holds, hands them out, and returns the shortfalls. */
async function planAndHandOut(tx: Tx, campaign: LockedCampaign, articleIds: readonly string[]): Promise<{ handedOut: number; shortfalls: Shortfall[] }> {
  const { members, options } = await readPool(tx, campaign);
  const pool = poolOf(members, campaign.balanceBy, options);
  const held = await tx.campaignAssignment.groupBy({ by: ["userId"], where: { campaignId: campaign.id, abandonedAt: null }, _count: true });
  const load = new Map(held.map((h) => [h.userId, h._count]));
  const plan = planStatic(articleIds, pool, { overlap: campaign.overlap, groups: options }, load);
  const pairs = [...plan.byArticle].flatMap(([articleId, userIds]) => userIds.map((userId) => ({ articleId, userId })));
  await handOut(tx, campaign.id, pairs);
  return { handedOut: pairs.length, shortfalls: plan.shortfalls };
}

async function withTitles(tx: Tx, shortfalls: readonly Shortfall[]) {
  const titles = new Map((await tx.article.findMany({ where: { id: { in: shortfalls.map((s) => s.articleId) } }, select: { id: true, title: true } })).map((a) => [a.id, a.title]));
  return shortfalls.map((s) => ({ ...s, title: titles.get(s.articleId) ?? "" }));
}

/** Articles added to a running static campaign: handed out at once, their shortfalls added to the campaign's. */
export async function handOutAdded(tx: Tx, campaign: LockedCampaign, articleIds: readonly string[]): Promise<void> {
  const { shortfalls } = await planAndHandOut(tx, campaign, articleIds);
  if (!shortfalls.length) return;
  const current = await tx.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { shortfalls: true } });
  await tx.campaign.update({ where: { id: campaign.id }, data: { shortfalls: [...(current.shortfalls as Shortfall[]), ...shortfalls] }, select: { id: true } });
}

export async function startCampaign(args: { actor: Actor; id: string }): Promise<StartCampaignResult> {
  const { actor, id } = args;
  authorize(actor, "campaign:manage");
  return db().$transaction(
    async (tx) => {
      const campaign = await lockCampaign(tx, id);
      if (campaign.status !== "DRAFT") throw new AppError("CONFLICT", `The campaign is ${campaign.status.toLowerCase()} already.`, { status: campaign.status });
      const articles = await tx.campaignArticle.findMany({ where: { campaignId: id }, select: { articleId: true }, orderBy: { position: "asc" } });
      if (articles.length === 0) throw new AppError("INVALID_INPUT", "Add articles to the campaign before starting it.", { articles: 0 });
      const result = campaign.mode === "STATIC" ? await planAndHandOut(tx, campaign, articles.map((a) => a.articleId)) : { handedOut: 0, shortfalls: [] };
      await tx.campaign.update({ where: { id }, data: { status: "RUNNING", startedAt: new Date(), shortfalls: result.shortfalls }, select: { id: true } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "campaign.start",
        entityType: "Campaign",
        entityId: id,
        before: { status: "DRAFT" },
        after: { status: "RUNNING", handedOut: result.handedOut, shortfalls: result.shortfalls.length },
      });
      return { status: "RUNNING" as const, handedOut: result.handedOut, shortfalls: await withTitles(tx, result.shortfalls) };
    },
    { timeout: 60_000 },
  );
}
