// A campaign read under its row lock: every change of a campaign's matrix (start, adding
// articles, each "next article" of a dynamic campaign) holds it for its transaction, so two
// analysts pulling at once are served one after the other and an article never exceeds k.
import { notFound } from "../../errors";
import type { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;

export type LockedCampaign = {
  id: string;
  status: "DRAFT" | "RUNNING" | "CLOSED";
  mode: "STATIC" | "DYNAMIC";
  overlap: number;
  balanceBy: string | null;
  abandonAfterMinutes: number | null;
};

export async function lockCampaign(tx: Tx, id: string): Promise<LockedCampaign> {
  const [row] = await tx.$queryRaw<LockedCampaign[]>`
    SELECT id, status::text AS status, mode::text AS mode, overlap, "balanceBy", "abandonAfterMinutes"
    FROM "Campaign" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) throw notFound("Campaign");
  return row;
}

/** The pool with each member's profile, and the balancing field's options (empty: no balancing). */
export async function readPool(tx: Tx, campaign: Pick<LockedCampaign, "id" | "balanceBy">) {
  const [members, field] = await Promise.all([
    tx.campaignMember.findMany({ where: { campaignId: campaign.id }, select: { user: { select: { id: true, profile: true } } }, orderBy: { userId: "asc" } }),
    campaign.balanceBy ? tx.profileField.findUnique({ where: { key: campaign.balanceBy }, select: { options: true } }) : null,
  ]);
  return { members: members.map((m) => m.user), options: field?.options ?? [] };
}

/**
 * Hands articles out: the campaign's rows, and the articles' Assignment rows (ASSIGNED, or kept as
 * they are when the person already has one). Two statements over arrays, whatever the count: a
 * static start writes articles × k rows of each (30,000 for the benchmark's campaign).
 */
export async function handOut(tx: Tx, campaignId: string, pairs: readonly { articleId: string; userId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  const articleIds = pairs.map((p) => p.articleId);
  const userIds = pairs.map((p) => p.userId);
  await tx.$executeRaw`
    INSERT INTO "CampaignAssignment" (id, "campaignId", "articleId", "userId")
    SELECT gen_random_uuid(), ${campaignId}::uuid, t.a, t.u FROM unnest(${articleIds}::uuid[], ${userIds}::uuid[]) AS t(a, u)
    ON CONFLICT ("campaignId", "articleId", "userId") DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO "Assignment" (id, "articleId", "userId", status, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), t.a, t.u, 'ASSIGNED', now(), now() FROM unnest(${articleIds}::uuid[], ${userIds}::uuid[]) AS t(a, u)
    ON CONFLICT ("articleId", "userId") DO NOTHING`;
}
