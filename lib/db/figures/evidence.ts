import { GOLD_LAYER } from "../../aggregates/layers";
import { normalizeExpression } from "../../aggregates/normalize";
import type { Actor } from "../../auth/policy";
import type { EvidenceQuery } from "../../schemas/sources";
import { notFound } from "../../errors";
import { monthBounds, resolveBasis } from "./basis";
import { outletBlindArticleIds } from "../campaigns/outlet-blind";
import { db } from "../client";
import { spanFrom, type SpanScope } from "./spans";
import { Prisma } from "../generated/client";

import type { EvidencePage, EvidenceSpan } from "../../schemas/responses/sources";
export type { EvidenceSpan };

type Filters = Omit<EvidenceQuery, "basis" | "from" | "to" | "cursor" | "limit">;

function figureFilters(f: Filters) {
  const parts: Prisma.Sql[] = [];
  if (f.label) parts.push(Prisma.sql`l.key = ${f.label}`);
  if (f.month === "undated") parts.push(Prisma.sql`a."publishedAt" IS NULL`);
  else if (f.month) parts.push(Prisma.sql`slant_month(a."publishedAt") = ${`${f.month}-01`}::date`);
  if (f.articleId) parts.push(Prisma.sql`x."articleId" = ${f.articleId}::uuid`);
  if (f.kind === "anonymous_or_vague") parts.push(Prisma.sql`x."attributionKind" IN ('anonymous', 'vague')`);
  else if (f.kind) parts.push(Prisma.sql`x."attributionKind" = ${f.kind}`);
  if (f.expression !== undefined) parts.push(Prisma.sql`x."quoteKey" = ${normalizeExpression(f.expression)}`);
  if (f.speaker !== undefined) parts.push(Prisma.sql`x."speakerKey" = ${normalizeExpression(f.speaker)}`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/** The spans behind one figure, in id order; `nextCursor` continues the list. */
export async function listEvidence(args: { actor: Actor; scope: SpanScope; query: EvidenceQuery }) {
  const { scope, query } = args;
  const after = query.cursor ? Prisma.sql`AND x.id > ${query.cursor}::uuid` : Prisma.empty;
  const rows = await db().$queryRaw<Omit<EvidenceSpan, "href">[]>`
    SELECT x.id::text AS id, a.id::text AS "articleId", a.title AS "articleTitle", to_char(a."publishedAt", 'YYYY-MM-DD') AS "publishedAt",
           l.key AS label, x.quote, x.start, x."end", x."attributionKind" AS kind, x.attributes->>'speaker' AS speaker,
           u.id::text AS "annotatorId", u.name AS "annotatorName"
    ${spanFrom(scope, true)} ${figureFilters(query)} ${after}
    ORDER BY x.id LIMIT ${query.limit + 1}`;
  const anchor = scope.layer === GOLD_LAYER ? "gold" : "annotation";
  const items: EvidenceSpan[] = rows.slice(0, query.limit).map((r) => ({ ...r, href: `/articles/${r.articleId}#${anchor}-${r.id}` }));
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/** The evidence endpoint: checks the source and the basis (the blind rule, in resolveBasis), then lists. */
export async function sourceEvidence(args: { actor: Actor; sourceId: string; query: EvidenceQuery }): Promise<EvidencePage> {
  const source = await db().source.findUnique({ where: { id: args.sourceId }, select: { id: true } });
  if (!source) throw notFound("Source");
  const resolved = await resolveBasis(args.actor, args.query.basis);
  const scope = { sourceId: source.id, layer: resolved.layer, bounds: monthBounds(args.query) };
  const listed = await listEvidence({ actor: args.actor, scope, query: args.query });
  // An analyst's outlet-blind articles are not quoted under their source (decision 0025).
  const blind = await outletBlindArticleIds({ actor: args.actor, articleIds: listed.items.map((i) => i.articleId) });
  const page = blind.size ? { ...listed, items: listed.items.filter((i) => !blind.has(i.articleId)) } : listed;
  return { basis: { key: resolved.key, description: resolved.description, filters: scope.bounds.description }, ...page };
}
