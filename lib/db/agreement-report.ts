import { agreementReport } from "../agreement";
import { requireRole, type Actor } from "../auth/permissions";
import { sentences } from "../formats/tokenize";
import type { AgreementReportQuery } from "../schemas/gold";
import { codePointLength } from "../spans";
import { db } from "./client";

/** Agreement across the articles matching the filters: per label, per source, per annotator pair. */
export async function getAgreementReport(args: { actor: Actor; query: AgreementReportQuery }) {
  requireRole(args.actor, "REVIEWER");
  const { sourceId, label, from, to } = args.query;
  const articles = await db().article.findMany({
    where: {
      ...(sourceId ? { sourceId } : {}),
      ...(from || to ? { publishedAt: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lte: new Date(to) } : {}) } } : {}),
      annotations: { some: { deletedAt: null } },
    },
    select: {
      id: true,
      sourceId: true,
      body: true,
      annotations: { where: { deletedAt: null }, select: { annotatorId: true, start: true, end: true, label: { select: { key: true } } } },
      assignments: { where: { status: { in: ["IN_PROGRESS", "SUBMITTED"] } }, select: { userId: true } },
    },
  });
  const labels = label ? [label] : (await db().label.findMany({ orderBy: { sortOrder: "asc" }, select: { key: true } })).map((l) => l.key);
  const report = agreementReport({
    labels,
    articles: articles.map((a) => ({
      id: a.id,
      sourceId: a.sourceId,
      length: codePointLength(a.body),
      tokens: sentences(a.body).flat(),
      raters: [...new Set([...a.annotations.map((x) => x.annotatorId), ...a.assignments.map((x) => x.userId)])],
    })),
    spans: articles.flatMap((a) => a.annotations.map((x) => ({ articleId: a.id, rater: x.annotatorId, label: x.label.key, start: x.start, end: x.end }))),
  });
  const ids = [...new Set(report.byPair.flatMap((p) => p.raters))];
  const [users, sources] = await Promise.all([
    db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db().source.findMany({ where: { id: { in: report.bySource.map((s) => s.sourceId) } }, select: { id: true, name: true } }),
  ]);
  return { filters: args.query, ...report, names: Object.fromEntries([...users, ...sources].map((x) => [x.id, x.name])) };
}
export type AgreementReportView = Awaited<ReturnType<typeof getAgreementReport>>;
