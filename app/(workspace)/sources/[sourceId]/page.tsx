import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BasisSelector } from "@/components/sources/BasisSelector";
import { SourceFormToggle } from "@/components/sources/SourceFormToggle";
import { SourceView } from "@/components/sources/SourceView";
import { pageRead } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { listBasisChoices } from "@/lib/db/figures/basis";
import { sourceStats } from "@/lib/db/figures/source";
import { getSource } from "@/lib/db/articles/sources";
import { Uuid } from "@/lib/schemas/common";
import { SourceViewQuery, viewParams } from "@/lib/schemas/sources";

export const metadata: Metadata = { title: "Source" };

type Props = { params: Promise<{ sourceId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SourcePage({ params, searchParams }: Props) {
  const { sourceId } = await params;
  const actor = await requirePageUser(`/sources/${sourceId}`);
  if (!Uuid.safeParse(sourceId).success) notFound();
  const source = await getSource({ actor, id: sourceId });
  if (!source) notFound();
  const view = viewParams(await searchParams);
  const parsed = SourceViewQuery.safeParse(view);
  const query = parsed.success ? parsed.data : SourceViewQuery.parse({});
  const [stats, choices] = await Promise.all([pageRead(sourceStats({ actor, sourceId, query })), listBasisChoices(actor)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <p className="text-sm"><Link href={`/sources?basis=${stats.basis.key}`} className="text-blue-700 hover:underline">← Sources</Link></p>
          <h1 className="text-2xl font-semibold tracking-tight">{source.name}</h1>
          {source.homepage && <a href={source.homepage} className="text-sm text-blue-700 hover:underline" rel="noopener noreferrer">{source.homepage}</a>}
          {source.description && <p className="mt-1 text-sm text-slate-700">{source.description}</p>}
          <p className="mt-2 text-sm text-slate-800" data-testid="basis-statement">
            <span className="font-medium">Basis:</span> {stats.basis.description}; {stats.basis.filters}.
          </p>
        </div>
        {/* Editing a source is an admin's (the policy's source:update); the API refuses anyone else. */}
        {can(actor, "source:update") && <SourceFormToggle label="Edit source" source={source} />}
      </div>
      {!parsed.success && <p role="alert" className="text-sm text-amber-800">That basis or range was not understood; showing your default basis over all months.</p>}
      <BasisSelector choices={choices} basis={stats.basis.key} from={query.from} to={query.to} />
      <SourceView stats={stats} view={viewParams({ ...view, basis: stats.basis.key })} />
    </div>
  );
}
