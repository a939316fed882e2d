import Link from "next/link";
import type { CampaignDetail } from "@/lib/schemas/responses/campaigns";
import { WorkBadge } from "./parts";

/** Each article's panel: who holds it, their group and their status. */
export function CampaignPanels({ campaign }: { campaign: CampaignDetail }) {
  if (campaign.articleCount === 0) return <p className="text-sm text-slate-600">No articles yet: add them before starting.</p>;
  return (
    <div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {campaign.articles.map((a) => (
          <li key={a.id} className="grid gap-2 p-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
            <div className="min-w-0">
              <Link href={`/articles/${a.id}`} className="font-medium text-blue-700 hover:underline">
                {a.title}
              </Link>
              <p className="text-xs text-slate-500">
                {a.source} · {a.annotators.length} of {campaign.overlap}
              </p>
            </div>
            {a.annotators.length === 0 ? (
              <p className="text-sm text-slate-500">{campaign.status === "DRAFT" ? "Handed out when the campaign starts" : "Not handed out yet"}</p>
            ) : (
              <ul className="flex flex-wrap gap-2" aria-label={`Panel of ${a.title}`}>
                {a.annotators.map((p) => (
                  <li key={p.id} className="flex items-center gap-1.5 rounded border border-slate-200 px-2 py-1 text-sm">
                    {p.name}
                    {p.group && <span className="text-xs text-slate-500">{p.group}</span>}
                    <WorkBadge status={p.status} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {campaign.articles.length < campaign.articleCount && (
        <p className="mt-2 text-sm text-slate-600">
          The first {campaign.articles.length.toLocaleString("en")} of {campaign.articleCount.toLocaleString("en")} articles.
        </p>
      )}
    </div>
  );
}
