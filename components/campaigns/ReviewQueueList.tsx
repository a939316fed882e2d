import Link from "next/link";
import type { ReviewQueue } from "@/lib/schemas/responses/campaign-dashboard";

const goldText = { NONE: "no gold", IN_PROGRESS: "gold in progress", ADJUDICATED: "adjudicated" } as const;
const fixed = (x: number | null) => (x === null ? "—" : x.toFixed(2));

/** Articles ready to adjudicate, most disagreement first; each opens the compare view. */
export function ReviewQueueList({ queue, caption }: { queue: ReviewQueue; caption: string }) {
  if (queue.items.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">Nothing is ready to adjudicate: no article has all its annotators&rsquo; work submitted yet.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {queue.total > queue.items.length ? `The ${queue.items.length} with most disagreement of ${queue.total.toLocaleString("en")} ready.` : `${queue.total} ready.`}
      </p>
      <ol aria-label={caption} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {queue.items.map((item) => (
          <li key={item.articleId} className="flex flex-col gap-2 p-3 text-sm sm:flex-row sm:items-start sm:justify-between sm:gap-6">
            <div className="min-w-0 space-y-0.5 sm:flex-1">
              <Link href={`/articles/${item.articleId}/compare`} className="font-medium text-blue-700 hover:underline">
                {item.title}
              </Link>
              <p className="text-slate-600">
                {item.source}
                {item.campaigns.length > 0 ? ` · ${item.campaigns.map((c) => c.name).join(", ")}` : " · outside campaigns"}
              </p>
              <p className="text-slate-600">Raters: {item.raters.map((r) => r.name).join(", ")}</p>
            </div>
            <div className="flex flex-wrap items-center gap-2 sm:shrink-0 sm:flex-col sm:items-end">
              <span className="tabular-nums" title="1 − the article's unitizing alpha over all labels">
                disagreement <strong>{fixed(item.disagreement)}</strong> <span className="text-slate-500">(α {fixed(item.alpha)})</span>
              </span>
              <span className={`rounded px-1.5 py-0.5 text-xs ${item.changedSinceAdjudication ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"}`}>
                {item.changedSinceAdjudication ? "changed since adjudication" : goldText[item.goldStatus]}
              </span>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
