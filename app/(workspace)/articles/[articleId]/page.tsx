import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Annotator } from "@/components/annotator/Annotator";
import { DoneButton } from "@/components/annotator/DoneButton";
import { SubmitAndNextButton } from "@/components/annotator/SubmitAndNextButton";
import { SubmissionProvider } from "@/components/annotator/submission";
import { can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { listAnnotations, listAnnotators } from "@/lib/db/spans/annotations";
import { getArticle } from "@/lib/db/articles/articles";
import { getAssignmentStatus } from "@/lib/db/articles/assignments";
import { campaignOfArticle } from "@/lib/db/campaigns/work";
import { listLabels } from "@/lib/db/labels/list";
import { getGuideline } from "@/lib/db/guidelines/guidelines";
import { labelSections } from "@/lib/guidelines/sections";
import { Uuid } from "@/lib/schemas/common";
import { formatDate } from "@/lib/text/format";

type Props = { params: Promise<{ articleId: string }> };

export const metadata: Metadata = { title: "Article" };

const goldStatusText = { NONE: "not started", IN_PROGRESS: "in progress", ADJUDICATED: "adjudicated" } as const;

export default async function ArticlePage({ params }: Props) {
  const { articleId } = await params;
  const actor = await requirePageUser(`/articles/${articleId}`);
  if (!Uuid.safeParse(articleId).success) notFound();
  const article = await getArticle({ actor, id: articleId });
  if (!article) notFound();
  const [labels, annotations, annotators, status, guideline, campaign] = await Promise.all([
    listLabels(),
    listAnnotations({ actor, articleId, query: { annotator: "me" } }),
    listAnnotators({ actor, articleId }),
    getAssignmentStatus({ actor, articleId }),
    getGuideline(),
    campaignOfArticle({ actor, articleId }),
  ]);
  // Each label's section of the latest guideline: shown on hover in the label picker and in the ? sheet.
  const sections = labelSections(guideline.markdown, labels);

  return (
    <SubmissionProvider initial={status} canReopen={can(actor, "assignment:reopen")}>
    <article>
      <header className="mb-6 max-w-3xl">
        <p className="mb-2 text-sm">
          {article.source ? (
            <Link href={`/articles?sourceId=${article.source.id}`} className="font-medium text-blue-700 hover:underline">
              {article.source.name}
            </Link>
          ) : (
            <span className="rounded bg-slate-100 px-2 py-0.5 font-medium text-slate-700">Outlet hidden: an outlet-blind campaign</span>
          )}
        </p>
        <h1 className="font-serif text-3xl leading-tight font-semibold">{article.title}</h1>
        <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-600">
            {[article.byline && `By ${article.byline}`, !article.outletBlind && formatDate(article.publishedAt), `${article.wordCount.toLocaleString("en")} words`].filter(Boolean).join(" · ")}
          </p>
          <div className="flex items-center gap-3">
            {can(actor, "article:compare") && (
              <Link href={`/articles/${article.id}/compare`} className="text-sm font-medium text-blue-700 hover:underline">
                Compare annotators
              </Link>
            )}
            <span className="text-xs text-slate-500">
              Gold: {goldStatusText[article.goldStatus]}
              {article.changedSinceAdjudication && <strong className="ml-1 font-medium text-red-800">(changed since adjudication)</strong>}
            </span>
            <DoneButton articleId={article.id} />
            {campaign && <SubmitAndNextButton articleId={article.id} campaign={campaign} />}
          </div>
        </div>
      </header>
      <Annotator
        articleId={article.id}
        body={article.body}
        outletMasks={article.outletMasks}
        labels={labels.map((l) => ({ ...l, ...(sections[l.key] ? { guideline: sections[l.key] } : {}) }))}
        initial={annotations}
        actor={{ id: actor.id, name: actor.name, role: actor.role }}
        annotators={annotators}
      />
    </article>
    </SubmissionProvider>
  );
}
