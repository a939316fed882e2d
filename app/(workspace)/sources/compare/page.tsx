import type { Metadata } from "next";
import Link from "next/link";
import { BasisSelector } from "@/components/sources/BasisSelector";
import { SourceComparison } from "@/components/sources/SourceComparison";
import { pageRead } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { listBasisChoices } from "@/lib/db/figures/basis";
import { sourceStats } from "@/lib/db/figures/source";
import { CompareQuery, viewParams } from "@/lib/schemas/sources";

export const metadata: Metadata = { title: "Compare sources" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CompareSourcesPage({ searchParams }: Props) {
  const actor = await requirePageUser("/sources/compare");
  const raw = await searchParams;
  // Both ?ids=a,b and repeated ?ids=a&ids=b are accepted.
  const ids = Array.isArray(raw.ids) ? raw.ids.join(",") : (raw.ids ?? "");
  const parsed = CompareQuery.safeParse({ ...viewParams(raw), ids });
  if (!parsed.success) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">Compare sources</h1>
        <p role="alert" className="text-sm text-amber-800">Pick two to six sources to compare on the <Link href="/sources" className="underline">sources page</Link>.</p>
      </div>
    );
  }
  const { ids: sourceIds, ...query } = parsed.data;
  const [sources, choices] = await Promise.all([pageRead(Promise.all(sourceIds.map((sourceId) => sourceStats({ actor, sourceId, query })))), listBasisChoices(actor)]);
  const basis = sources[0]!.basis;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm"><Link href={`/sources?basis=${basis.key}`} className="text-blue-700 hover:underline">← Sources</Link></p>
        <h1 className="text-2xl font-semibold tracking-tight">Compare: {sources.map((s) => s.source.name).join(" · ")}</h1>
        <p className="mt-1 text-sm text-slate-800" data-testid="basis-statement"><span className="font-medium">Basis:</span> {basis.description}; {basis.filters}.</p>
      </div>
      <BasisSelector choices={choices} basis={basis.key} from={query.from} to={query.to} keep={{ ids: sourceIds.join(",") }} />
      <SourceComparison sources={sources} view={viewParams({ ...viewParams(raw), basis: basis.key })} />
    </div>
  );
}
