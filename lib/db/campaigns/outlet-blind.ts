// "Is this article outlet-blind for this actor?" (issue #15 §4, decision 0025): the one question
// every read path asks before it sends an article's title, source, byline, URL, date or text.
// The rule itself is the policy's ("outlet:see"); this file finds the fact it looks at.
import { can, type Actor } from "../../auth/policy";
import { applyMask, blindTitle, outletMaskRanges, type Outlet } from "../../campaigns/outlet-blind";
import type { CodePointRange } from "../../spans/offsets";
import { Prisma } from "../generated/client";
import { db } from "../client";

/**
 * Prisma filter for the articles the actor must read outlet-blind: in a running or closed campaign
 * with `blindOutlet` whose pool holds the actor. Membership, not a hand-out: an analyst of a
 * dynamic campaign must not learn an article's outlet elsewhere before the campaign hands it to them.
 */
export const blindFor = (actor: Pick<Actor, "id">): Prisma.ArticleWhereInput => ({
  campaigns: { some: { campaign: { blindOutlet: true, status: { in: ["RUNNING", "CLOSED"] }, members: { some: { userId: actor.id } } } } },
});

/** The same rule in SQL, for statements built with Prisma.sql (the export): is `article` (an id expression) blind for `readerId`? */
export const blindSql = (readerId: string, article: Prisma.Sql): Prisma.Sql => Prisma.sql`EXISTS (
  SELECT 1 FROM "CampaignArticle" bca JOIN "Campaign" bc ON bc.id = bca."campaignId" JOIN "CampaignMember" bm ON bm."campaignId" = bc.id
  WHERE bca."articleId" = ${article} AND bc."blindOutlet" AND bc.status IN ('RUNNING', 'CLOSED') AND bm."userId" = ${readerId}::uuid)`;

/** Reviewers and admins are never blind: no query for them. */
const neverBlind = (actor: Actor) => can(actor, "outlet:see", { inBlindCampaign: true });

/** The actor's id when they may read some articles outlet-blind (an analyst), else null: for the SQL rule. */
export const blindReaderOf = (actor: Actor): string | null => (neverBlind(actor) ? null : actor.id);

/** Which of `articleIds` the actor reads outlet-blind. */
export async function outletBlindArticleIds(args: { actor: Actor; articleIds: readonly string[] }): Promise<Set<string>> {
  if (neverBlind(args.actor) || !args.articleIds.length) return new Set();
  const rows = await db().article.findMany({ where: { id: { in: [...args.articleIds] }, ...blindFor(args.actor) }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function isOutletBlind(args: { actor: Actor; articleId: string }): Promise<boolean> {
  return (await outletBlindArticleIds({ actor: args.actor, articleIds: [args.articleId] })).has(args.articleId);
}

/** The article filter an analyst's source-scoped reads add: articles they read blind never count towards a named source. */
export function excludeBlind(actor: Actor): Prisma.ArticleWhereInput {
  return neverBlind(actor) ? {} : { NOT: blindFor(actor) };
}

/** What a blind reader gets instead of the article's text: masked characters and where they are. */
export function blindText(body: string, outlet: Outlet): { body: string; outletMasks: CodePointRange[] } {
  const outletMasks = outletMaskRanges(body, outlet);
  return { body: applyMask(body, outletMasks), outletMasks };
}

export { blindTitle };
