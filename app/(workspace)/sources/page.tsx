import type { Metadata } from "next";
import { BasisSelector } from "@/components/sources/BasisSelector";
import { CompareForm } from "@/components/sources/CompareForm";
import { NearDuplicateSources } from "@/components/sources/NearDuplicateSources";
import { SourceFormToggle } from "@/components/sources/SourceFormToggle";
import { SourcesIndexView } from "@/components/sources/SourcesIndexView";
import { can } from "@/lib/auth/policy";
import { pageRead } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { sourcesIndexStats } from "@/lib/db/figures/sources-index";
import { listBasisChoices } from "@/lib/db/figures/basis";
import { listNearDuplicateSources } from "@/lib/db/articles/sources";
import { SourceViewQuery, viewParams } from "@/lib/schemas/sources";

export const metadata: Metadata = { title: "Sources" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SourcesPage({ searchParams }: Props) {
  const actor = await requirePageUser("/sources");
  const view = viewParams(await searchParams);
  const parsed = SourceViewQuery.safeParse(view);
  const query = parsed.success ? parsed.data : SourceViewQuery.parse({});
  const [stats, choices, nearDuplicates] = await Promise.all([pageRead(sourcesIndexStats({ actor, query })), listBasisChoices(actor), listNearDuplicateSources()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sources</h1>
          <p className="max-w-3xl text-sm text-slate-600">
            How each outlet frames, computed from the highlighted spans: every figure opens the text behind it.
          </p>
          <p className="mt-1 text-sm text-slate-800" data-testid="basis-statement">
            <span className="font-medium">Basis:</span> {stats.basis.description}; {stats.basis.filters}.
          </p>
        </div>
        <SourceFormToggle label="New source" />
      </div>
      {!parsed.success && <p role="alert" className="text-sm text-amber-800">That basis or range was not understood; showing your default basis over all months.</p>}
      <NearDuplicateSources pairs={nearDuplicates} canMerge={can(actor, "source:merge")} />
      <BasisSelector choices={choices} basis={stats.basis.key} from={query.from} to={query.to} />
      <CompareForm sources={stats.items.map((i) => i.source)} basis={stats.basis.key} />
      <SourcesIndexView items={stats.items} labels={stats.labels} basis={stats.basis} view={viewParams({ ...view, basis: stats.basis.key })} />
    </div>
  );
}
