// A campaign's dashboard (issue #15 §5): progress, agreement per label, agreement by panel group,
// per-annotator figures and outliers. Agreement comes from the stored per-article figures the
// agreement report reads (candidates; only articles whose figures are missing or stale are computed,
// on the agreement worker), parsed and summed on the worker too (campaignAgreement); the
// per-annotator counts are one SQL statement of counts. No article text is read here (docs/decisions/0024).
import { createHash } from "node:crypto";
import { authorize, type Actor } from "../../auth/policy";
import { goldF1, OUTLIER_RULE, perThousandWords, type CampaignAgreement } from "../../campaigns/dashboard";
import { groupOf } from "../../campaigns/pool";
import { notFound } from "../../errors";
import type { CampaignDashboard } from "../../schemas/responses/campaign-dashboard";
import { db } from "../client";
import { runAgreementTask } from "../../runtime/agreement-pool";
import { candidates, figureLabelKeys, unparsedFiguresOf, type Candidate } from "../figures/agreement-report";
import { Prisma } from "../generated/client";
import { heldWork } from "./read";

const { sql } = Prisma;

type AnnotatorCounts = { userId: string; submitted: number; words: number; spans: number; goldArticles: number; goldSpans: number; gold: number; matches: number };

/**
 * Per member, over the campaign articles they submitted: words read, their live spans (of the
 * campaign's labels, when it names some), and on adjudicated articles their spans, the gold spans
 * and how many of theirs match a gold span exactly (label and range).
 */
function annotatorCounts(campaignId: string, labelKeys: string[]) {
  return db().$queryRaw<AnnotatorCounts[]>`
    WITH mine AS (
      SELECT ca."userId", ca."articleId", ar."wordCount", ar."goldStatus" = 'ADJUDICATED' AS adjudicated
      FROM "CampaignAssignment" ca
      JOIN "Assignment" a ON a."articleId" = ca."articleId" AND a."userId" = ca."userId" AND a.status = 'SUBMITTED'
      JOIN "Article" ar ON ar.id = ca."articleId"
      WHERE ca."campaignId" = ${campaignId}::uuid AND ca."abandonedAt" IS NULL
    ), wanted AS (
      SELECT id FROM "Label" WHERE ${labelKeys.length === 0}::boolean OR key = ANY (${labelKeys}::text[])
    )
    SELECT m."userId"::text AS "userId", count(*)::int AS submitted, COALESCE(sum(m."wordCount"), 0)::int AS words,
      COALESCE(sum(s.spans), 0)::int AS spans, count(*) FILTER (WHERE m.adjudicated)::int AS "goldArticles",
      COALESCE(sum(s.spans) FILTER (WHERE m.adjudicated), 0)::int AS "goldSpans",
      COALESCE(sum(g.gold), 0)::int AS gold, COALESCE(sum(s.matches), 0)::int AS matches
    FROM mine m
    CROSS JOIN LATERAL (
      SELECT count(*) AS spans,
        count(*) FILTER (WHERE m.adjudicated AND EXISTS (
          SELECT 1 FROM "GoldAnnotation" y
          WHERE y."articleId" = x."articleId" AND y."labelId" = x."labelId" AND y.start = x.start AND y."end" = x."end" AND y."deletedAt" IS NULL
        )) AS matches
      FROM "Annotation" x
      WHERE x."articleId" = m."articleId" AND x."annotatorId" = m."userId" AND x."deletedAt" IS NULL AND x."labelId" IN (SELECT id FROM wanted)
    ) s
    CROSS JOIN LATERAL (
      SELECT count(*) AS gold FROM "GoldAnnotation" y
      WHERE m.adjudicated AND y."articleId" = m."articleId" AND y."deletedAt" IS NULL AND y."labelId" IN (SELECT id FROM wanted)
    ) g
    GROUP BY 1`;
}

/** Articles whose k hand-outs held now are all submitted. */
async function fullySubmitted(campaignId: string, overlap: number): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT ca."articleId" FROM "CampaignAssignment" ca
      JOIN "Assignment" a ON a."articleId" = ca."articleId" AND a."userId" = ca."userId" AND a.status = 'SUBMITTED'
      WHERE ca."campaignId" = ${campaignId}::uuid AND ca."abandonedAt" IS NULL
      GROUP BY 1 HAVING count(*) >= ${overlap}
    ) t`;
  return row?.n ?? 0;
}

type AgreementPart = CampaignAgreement & { pending: number };

/**
 * The agreement figures of a campaign, by campaign id, with the key they were computed for: every
 * compared article's fingerprint (its text, raters and spans), the label sets and the members'
 * groups. While the key holds, a dashboard skips handing 10,000 stored figures to the worker to be
 * parsed and summed again (most of its time); only the fingerprint scan is paid. Bounded.
 */
const agreementMemo = new Map<string, { key: string; part: AgreementPart }>();
const AGREEMENT_MEMO_MAX = 50;

async function agreementPart(args: {
  campaignId: string;
  compared: Candidate[];
  allLabels: string[];
  labels: string[];
  groups: ReadonlyMap<string, string | null>;
  balanced: boolean;
  ids: string[];
  waitMs: number | undefined;
}): Promise<AgreementPart> {
  const hash = createHash("md5").update(`${args.allLabels.join(",")}|${args.labels.join(",")}|${args.balanced}|${[...args.groups].map(([id, g]) => `${id}=${g ?? ""}`).sort().join(",")}`);
  for (const c of args.compared) hash.update(`|${c.id}:${c.fingerprint}:${c.figures === null ? "-" : "+"}`);
  const key = hash.digest("hex");
  const memo = agreementMemo.get(args.campaignId);
  if (memo?.key === key) return memo.part;
  const { articles, pending } = await unparsedFiguresOf(args.compared, args.allLabels, args.waitMs);
  // Parsing and summing the figures of 10,000 articles takes hundreds of milliseconds: on the worker, not on this event loop.
  const figures = await runAgreementTask({ kind: "campaign", articles, labels: args.labels, groups: [...args.groups], balanced: args.balanced, ids: args.ids });
  const part = { ...figures, pending };
  // Figures still pending would be missing from a remembered answer: only a complete one is kept.
  if (pending === 0) {
    agreementMemo.delete(args.campaignId);
    agreementMemo.set(args.campaignId, { key, part });
    if (agreementMemo.size > AGREEMENT_MEMO_MAX) agreementMemo.delete(agreementMemo.keys().next().value!);
  }
  return part;
}

/** `waitMs`: how long to wait for figures being computed (see unparsedFiguresOf); tests pass Infinity. */
export async function getCampaignDashboard(args: { actor: Actor; id: string; waitMs?: number }): Promise<CampaignDashboard> {
  authorize(args.actor, "campaign:manage");
  const client = db();
  const c = await client.campaign.findUnique({ where: { id: args.id }, select: { id: true, name: true, overlap: true, balanceBy: true, labelKeys: true } });
  if (!c) throw notFound("Campaign");
  // One row holding every id: 10,000 rows mapped one by one cost more than the array.
  const [idsRow, allLabels] = await Promise.all([
    client.$queryRaw<{ ids: string[] | null }[]>(sql`SELECT array_agg("articleId"::text) AS ids FROM "CampaignArticle" WHERE "campaignId" = ${c.id}::uuid`),
    figureLabelKeys(),
  ]);
  const articleIds = idsRow[0]?.ids ?? [];
  // The figures are keyed by every label (the label set is in their fingerprint); the campaign's labels are read from them.
  const [members, field, held, counts, full, compared] = await Promise.all([
    client.campaignMember.findMany({ where: { campaignId: c.id }, select: { user: { select: { id: true, name: true, profile: true } } } }),
    c.balanceBy ? client.profileField.findUnique({ where: { key: c.balanceBy }, select: { name: true, options: true } }) : null,
    heldWork([c.id]),
    annotatorCounts(c.id, c.labelKeys),
    fullySubmitted(c.id, c.overlap),
    articleIds.length > 0 ? candidates({ articleIds }, allLabels).then((found) => found.compared) : [],
  ]);
  const labels = c.labelKeys.length > 0 ? allLabels.filter((k) => c.labelKeys.includes(k)) : allLabels;
  const groups = new Map(members.map((m) => [m.user.id, groupOf(m.user.profile, c.balanceBy, field?.options ?? [])]));
  const ids = members.map((m) => m.user.id);
  const { byLabel, byGroup, others: otherPairs, outliers, articlesCompared, pending } = await agreementPart({ campaignId: c.id, compared, allLabels, labels, groups, balanced: c.balanceBy !== null, ids, waitMs: args.waitMs });
  const others = new Map(otherPairs);
  const flagged = new Set(outliers.flagged);
  const countOf = new Map(counts.map((r) => [r.userId, r]));
  return {
    campaign: { id: c.id, name: c.name, overlap: c.overlap, balanceBy: c.balanceBy, balanceName: field?.name ?? null },
    progress: {
      articles: articleIds.length,
      slots: articleIds.length * c.overlap,
      handedOut: held.reduce((n, h) => n + h.handedOut, 0),
      submitted: held.reduce((n, h) => n + h.submitted, 0),
      fullySubmitted: full,
    },
    articlesCompared,
    articlesPending: pending,
    byLabel,
    byGroup,
    annotators: members
      .map(({ user }) => {
        const n = countOf.get(user.id);
        const o = others.get(user.id)!;
        return {
          id: user.id,
          name: user.name,
          group: groups.get(user.id) ?? null,
          submitted: n?.submitted ?? 0,
          spans: n?.spans ?? 0,
          words: n?.words ?? 0,
          spansPerThousandWords: perThousandWords(n?.spans ?? 0, n?.words ?? 0),
          withOthers: o.withOthers,
          sharedArticles: o.articles,
          withGold: n && n.goldArticles > 0 ? goldF1({ spans: n.goldSpans, gold: n.gold, matches: n.matches }) : null,
          goldArticles: n?.goldArticles ?? 0,
          outlier: flagged.has(user.id),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    outlierRule: { median: outliers.median, threshold: outliers.threshold, minArticles: OUTLIER_RULE.minArticles, mads: OUTLIER_RULE.mads },
  };
}
