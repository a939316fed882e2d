import Link from "next/link";
import type { MyWork } from "@/lib/schemas/responses/campaigns";
import { NextArticleButton } from "./NextArticleButton";
import { DueDate, ProgressBar, StatusBadge, WorkBadge } from "./parts";

/** The person's campaign work, one section per campaign: their articles with status, and progress. */
export function WorkList({ work }: { work: MyWork }) {
  if (work.campaigns.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-600">
        No campaign work for you yet. When a reviewer adds you to a campaign, its articles appear here; meanwhile every article is open under{" "}
        <Link href="/articles" className="text-blue-700 hover:underline">
          Articles
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="space-y-6">
      {work.campaigns.map((c) => (
        <section key={c.id} aria-labelledby={`campaign-${c.id}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 id={`campaign-${c.id}`} className="text-lg font-semibold">
                {c.name} {c.status !== "RUNNING" && <StatusBadge status={c.status} />}
              </h2>
              {c.description && <p className="text-sm text-slate-600">{c.description}</p>}
            </div>
            <DueDate dueAt={c.dueAt} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <p className="text-xs font-medium uppercase text-slate-500">You</p>
              <ProgressBar done={c.mine.submitted} total={c.mine.handedOut} label={`${c.name}: your progress`} />
            </div>
            <div>
              <p className="text-xs font-medium uppercase text-slate-500">Whole campaign</p>
              <ProgressBar done={c.overall.submitted} total={c.overall.slots} label={`${c.name}: campaign progress`} />
            </div>
          </div>
          {c.assignment === "dynamic" && c.status === "RUNNING" && <NextArticleButton campaignId={c.id} campaignName={c.name} />}
          {c.items.length > 0 ? (
            <ul className="divide-y divide-slate-100" aria-label={`Your articles in ${c.name}`}>
              {c.items.map((i) => (
                <li key={i.articleId} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <span className="min-w-0">
                    <Link href={`/articles/${i.articleId}`} className="font-medium text-blue-700 hover:underline">
                      {i.title}
                    </Link>{" "}
                    <span className="text-xs text-slate-500">{i.source ?? "Outlet hidden"}</span>
                  </span>
                  <WorkBadge status={i.status} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{c.assignment === "dynamic" ? "Pull your first article with Next article." : "No articles for you in this campaign."}</p>
          )}
        </section>
      ))}
    </div>
  );
}
