import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnnotatorComparison } from "@/components/compare/AnnotatorComparison";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { layersThatSawOthersWork } from "@/lib/db/articles/assignments";
import { getCompareData } from "@/lib/db/spans/compare";
import { AppError } from "@/lib/errors";
import { listLabels } from "@/lib/db/labels/list";
import { Uuid } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Compare annotators" };

export default async function CompareAnnotatorsPage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  const actor = await requirePageUser(`/articles/${articleId}/compare`);
  requirePage(actor, "article:compare");
  if (!Uuid.safeParse(articleId).success) notFound();
  const [data, labels, unblinded] = await Promise.all([
    getCompareData({ actor, articleId }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    listLabels(),
    layersThatSawOthersWork({ actor, articleId }),
  ]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/articles/${articleId}`} className="text-blue-700 hover:underline">
          ← Back to the article
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-semibold">{data.article.title}</h1>
      <p className="text-sm text-slate-600">
        {data.article.source.name} · {data.raters.length} annotator{data.raters.length === 1 ? "" : "s"} · {data.gold.length} gold span{data.gold.length === 1 ? "" : "s"}
      </p>
      {unblinded.length > 0 && (
        <p role="note" data-testid="seen-others-work" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Not blind: {unblinded.map((u) => u.name).join(", ")} {unblinded.length === 1 ? "was" : "were"} reopened after submitting, and may have seen the other annotators&apos; work.
        </p>
      )}
      <AnnotatorComparison data={data} labels={labels} />
    </div>
  );
}
