import { authorize, type Actor } from "../../auth/policy";
import { undecidedSpans, type SpanDecisionState } from "../../compare/decisions";
import { AppError, notFound } from "../../errors";
import type { GoldStatusInput } from "../../schemas/gold";
import { recordAudit } from "../audit";
import { db, type Db } from "../client";
import type { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;
type GoldStatus = GoldStatusInput["status"];

/** Each live annotator span of the article: is it in live gold, and the reviewer's verdict if any. */
export async function spanDecisions(client: Tx | Db, articleId: string): Promise<SpanDecisionState[]> {
  const rows = await client.annotation.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: { id: true, review: { select: { decision: true } }, goldUses: { where: { gold: { deletedAt: null } }, select: { goldAnnotationId: true }, take: 1 } },
  });
  return rows.map((r) => ({ id: r.id, inGold: r.goldUses.length > 0, review: r.review?.decision ?? null }));
}

/**
 * Sets the article's gold status. ADJUDICATED is refused while any annotator's span is undecided
 * (neither in gold nor reviewed), unless the reviewer overrides with a reason, which the audit
 * event keeps with the spans left undecided. Any status set clears "changed since adjudication".
 */
export async function setGoldStatus(args: { actor: Actor; articleId: string; status: GoldStatus; override?: GoldStatusInput["override"] }) {
  authorize(args.actor, "gold:write");
  const { articleId, status, override } = args;
  return db().$transaction(async (tx) => {
    // The row lock orders this against another reviewer setting the status at the same moment.
    const [before] = await tx.$queryRaw<{ goldStatus: GoldStatus; changedSinceAdjudicationAt: Date | null }[]>`
      SELECT "goldStatus"::text AS "goldStatus", "changedSinceAdjudicationAt" FROM "Article" WHERE id = ${articleId}::uuid FOR UPDATE`;
    if (!before) throw notFound("Article");
    const undecided = status === "ADJUDICATED" ? undecidedSpans(await spanDecisions(tx, articleId)) : [];
    if (undecided.length > 0 && !override) {
      throw new AppError(
        "ADJUDICATION_INCOMPLETE",
        `${undecided.length} span(s) are still undecided: accept them into gold or review them, or adjudicate with an override and a reason.`,
        { undecided },
      );
    }
    const after = await tx.article.update({ where: { id: articleId }, data: { goldStatus: status, changedSinceAdjudicationAt: null }, select: { id: true, goldStatus: true, changedSinceAdjudicationAt: true } });
    await recordAudit(tx, {
      actorId: args.actor.id,
      action: override ? "article.gold-status.override" : "article.gold-status",
      entityType: "Article",
      entityId: articleId,
      before: { goldStatus: before.goldStatus, changedSinceAdjudicationAt: before.changedSinceAdjudicationAt?.toISOString() ?? null },
      after: { goldStatus: after.goldStatus, ...(override ? { override: { reason: override.reason, undecided } } : {}) },
    });
    return { id: after.id, goldStatus: after.goldStatus, changedSinceAdjudication: false, undecidedOverridden: override ? undecided.length : 0 };
  });
}
