import Link from "next/link";
import type { CampaignSummary } from "@/lib/schemas/responses/campaigns";
import { DueDate, ProgressBar, StatusBadge } from "./parts";

/** Every campaign, newest first: a table on wide screens, one card per campaign on phones. */
export function CampaignList({ items }: { items: CampaignSummary[] }) {
  if (items.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-600">No campaigns yet. Create the first one below.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {items.map((c) => (
        <li key={c.id} className="grid gap-2 p-4 md:grid-cols-[1fr_14rem_12rem] md:items-center">
          <div className="min-w-0">
            <Link href={`/campaigns/${c.id}`} className="font-medium text-blue-700 hover:underline">
              {c.name}
            </Link>{" "}
            <StatusBadge status={c.status} />
            <p className="mt-1 text-sm text-slate-600">
              {c.articleCount.toLocaleString("en")} articles · k = {c.overlap} · {c.memberCount} annotators · {c.assignment}
              {c.balanceBy && ` · balanced by ${c.balanceBy}`}
            </p>
          </div>
          <ProgressBar done={c.progress.submitted} total={c.progress.slots} label={`${c.name}: submitted`} />
          <DueDate dueAt={c.dueAt} />
        </li>
      ))}
    </ul>
  );
}
