import type { LabelAgreement } from "../../agreement";
import { authorize, can, type Actor } from "../../auth/policy";
import { notFound } from "../../errors";
import { runAgreementTask } from "../../runtime/agreement-pool";
import { db } from "../client";
import { undecidedSpans } from "../../compare/decisions";
import { goldOf } from "./gold";
import { spanDecisions } from "./gold-status";
import { raterProfiles, ratersOf } from "../articles/raters";

import type { CompareAnnotation, CompareData } from "../../schemas/responses/compare";
export type { CompareAnnotation, CompareData };


export async function getCompareData(args: { actor: Actor; articleId: string }): Promise<CompareData> {
  authorize(args.actor, "article:compare");
  const { articleId } = args;
  const [article, raters, rows, gold, labels, decisions] = await Promise.all([
    db().article.findUnique({ where: { id: articleId }, select: { id: true, title: true, body: true, goldStatus: true, changedSinceAdjudicationAt: true, source: { select: { id: true, name: true } } } }),
    ratersOf(articleId),
    db().annotation.findMany({
      where: { articleId, deletedAt: null },
      orderBy: [{ start: "asc" }, { end: "desc" }],
      select: { id: true, start: true, end: true, quote: true, note: true, attributes: true, annotatorId: true, label: { select: { key: true } }, review: { select: { decision: true, reason: true } }, _count: { select: { comments: true } } },
    }),
    goldOf(articleId),
    db().label.findMany({ orderBy: { sortOrder: "asc" }, select: { key: true } }),
    spanDecisions(db(), articleId),
  ]);
  if (!article) throw notFound("Article");
  const annotations = rows.map(({ label, review, _count, attributes, ...a }) => ({ ...a, attributes: (attributes ?? {}) as Record<string, unknown>, label: label.key, review, comments: _count.comments }));
  // Who rated it, with their profile values (a left, a centre and a right rater?) for those allowed to see them.
  const profiles = can(args.actor, "profile-attributes:read") ? await raterProfiles(raters.map((r) => r.id)) : new Map<string, { field: string; value: string }[]>();
  return {
    article: { ...article, changedSinceAdjudicationAt: article.changedSinceAdjudicationAt?.toISOString() ?? null },
    raters: raters.map((r) => ({ ...r, profile: profiles.get(r.id) ?? [] })),
    annotations,
    gold,
    agreement: await agreementOf(article.body, raters, annotations, labels.map((l) => l.key)),
    undecided: undecidedSpans(decisions),
  };
}

/** Tokenizing a long text and the figures take long enough to hold every other request: they run on the agreement worker. */
export function agreementOf(body: string, raters: { id: string }[], annotations: Pick<CompareAnnotation, "annotatorId" | "label" | "start" | "end">[], labels: string[]): Promise<LabelAgreement[]> {
  return runAgreementTask({
    kind: "labels",
    body,
    raters: raters.map((r) => r.id),
    labels,
    spans: annotations.map((a) => ({ rater: a.annotatorId, label: a.label, start: a.start, end: a.end })),
  });
}

export async function getArticleAgreement(args: { actor: Actor; articleId: string }) {
  const data = await getCompareData(args);
  return { raters: data.raters, items: data.agreement };
}
