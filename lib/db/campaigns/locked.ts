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

/** Hands articles out: the campaign's rows, and the articles' Assignment rows (ASSIGNED, or kept as they are when the person already has one). */
export async function handOut(tx: Tx, campaignId: string, pairs: readonly { articleId: string; userId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.campaignAssignment.createMany({ data: pairs.map((p) => ({ campaignId, ...p })), skipDuplicates: true });
  await tx.assignment.createMany({ data: pairs.map((p) => ({ ...p, status: "ASSIGNED" as const })), skipDuplicates: true });
}
