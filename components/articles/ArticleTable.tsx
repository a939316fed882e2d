import Link from "next/link";
import type { ArticleListItem } from "@/lib/schemas/responses/articles";
import type { ArticleProgress } from "@/lib/schemas/responses/articles";
import { formatDate } from "@/lib/text/format";

const statusText = { ASSIGNED: "Assigned", IN_PROGRESS: "In progress", SUBMITTED: "Done" } as const;
const goldText = { NONE: "—", IN_PROGRESS: "In progress", ADJUDICATED: "Adjudicated" } as const;

export function ArticleTable({ articles, progress }: { articles: ArticleListItem[]; progress: Map<string, ArticleProgress> }) {
  if (articles.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">No articles yet.</p>;
  }
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Title</th>
            <th className="px-4 py-2 font-medium">Source</th>
            <th className="px-4 py-2 font-medium">Published</th>
            <th className="px-4 py-2 text-right font-medium">Words</th>
            <th className="px-4 py-2 font-medium">You</th>
            <th className="px-4 py-2 text-right font-medium" title="Annotators done / at work">Team</th>
            <th className="px-4 py-2 font-medium">Gold</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {articles.map((a) => (
            <tr key={a.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/articles/${a.id}`} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
                  {a.title}
                </Link>
              </td>
              <td className="px-4 py-3 text-slate-700">{a.source ? a.source.name : <OutletHidden />}</td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-600">{a.outletBlind ? <OutletHidden /> : formatDate(a.publishedAt)}</td>
              <td className="px-4 py-3 text-right tabular-nums text-slate-600">{a.wordCount.toLocaleString("en")}</td>
              <ProgressCells progress={progress.get(a.id)} />
              <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                {goldText[a.goldStatus]}
                {a.changedSinceAdjudication && <span className="ml-1 rounded bg-red-100 px-1 text-xs font-medium text-red-900">changed since</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An outlet-blind campaign hides the article's source from this reader (decision 0025). */
export function OutletHidden() {
  return <span className="text-slate-500 italic">Outlet hidden</span>;
}

function ProgressCells({ progress }: { progress: ArticleProgress | undefined }) {
  const mine = progress?.myStatus;
  return (
    <>
      <td className="px-4 py-3 whitespace-nowrap text-slate-600">
        {mine ? statusText[mine] : "Not started"}
        {progress && progress.myAnnotations > 0 && <span className="text-slate-400"> · {progress.myAnnotations}</span>}
      </td>
      <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums text-slate-600">
        {progress ? `${progress.submitted} done / ${progress.inProgress} at work` : "—"}
      </td>
    </>
  );
}
