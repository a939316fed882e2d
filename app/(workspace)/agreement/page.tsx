import type { Metadata } from "next";
import { AgreementReportTable } from "@/components/compare/AgreementReportTable";
import { PendingFiguresNotice } from "@/components/compare/PendingFiguresNotice";
import { ReportCsvButton } from "@/components/compare/ReportCsvButton";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { getAgreementReport } from "@/lib/db/figures/agreement-report";
import { listLabels } from "@/lib/db/labels/list";
import { listSources } from "@/lib/db/articles/sources";
import { listGuidelineVersions } from "@/lib/db/guidelines/guidelines";
import { AgreementReportQuery } from "@/lib/schemas/gold";

export const metadata: Metadata = { title: "Agreement" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AgreementPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageUser("/agreement");
  requirePage(actor, "agreement-report:read");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== ""));
  const parsed = AgreementReportQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const [report, labels, sources, versions] = await Promise.all([getAgreementReport({ actor, query }), listLabels(), listSources(), listGuidelineVersions()]);
  const labelName = (key: string) => labels.find((l) => l.key === key)?.name ?? key;
  const name = (id: string) => report.names[id] ?? id;
  const byLabel = report.byLabel.map((l) => ({ ...l, group: "All articles", table: "label" }));
  const bySource = report.bySource.map((l) => ({ ...l, group: name(l.sourceId), table: "source" }));
  const byPair = report.byPair.map((l) => ({ ...l, group: l.raters.map(name).sort().join(" × "), table: "pair" }));
  const filters = Object.entries(query).map(([k, v]) => `${k}=${v}`).join(" ") || "none";

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Agreement</h1>
          <p className="text-sm text-slate-600">
            {report.articlesCompared} article(s) with two or more annotators; {report.articlesSkipped} with a single annotator left out. Alpha, kappa and the per-article F1 columns are means over the articles where the figure is defined; (n) is how many. Pooled F1 is the corpus-level figure of SemEval-2020 Task 11 (credit and spans summed over all articles, then precision, recall and F1; with more than two annotators, each pair&rsquo;s figure weighted by the articles it shares): a different number, which also counts articles where one annotator marked nothing. A guideline version keeps only the articles whose spans were all made under it, to compare the figures before and after a change of wording.
          </p>
        </div>
        <ReportCsvButton lines={[...byLabel, ...bySource, ...byPair]} filters={filters} />
      </div>
      <PendingFiguresNotice pending={report.articlesPending} />
      {!parsed.success && <p role="alert" className="text-sm text-amber-800">Some filters were not understood and were ignored.</p>}
      <form className="flex flex-wrap items-end gap-3 text-sm" method="get">
        <label className="flex flex-col gap-1">Source
          <select name="sourceId" defaultValue={query.sourceId ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1">
            <option value="">All</option>
            {sources.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">Label
          <select name="label" defaultValue={query.label ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-1">
            <option value="">All</option>
            {labels.map((l) => <option key={l.key} value={l.key}>{l.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">Guideline version
          <select name="guidelineVersion" defaultValue={query.guidelineVersion ?? ""} className="max-w-56 rounded-md border border-slate-300 bg-white px-2 py-1">
            <option value="">All</option>
            {versions.map((v) => <option key={v.number} value={v.number}>Version {v.number}{v.note ? ` — ${v.note}` : ""}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">Published from<input type="date" name="from" defaultValue={query.from} className="rounded-md border border-slate-300 px-2 py-1" /></label>
        <label className="flex flex-col gap-1">to<input type="date" name="to" defaultValue={query.to} className="rounded-md border border-slate-300 px-2 py-1" /></label>
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-white">Apply</button>
      </form>
      <AgreementReportTable title="By label" lines={byLabel} labelName={labelName} />
      <AgreementReportTable title="By source" lines={bySource} labelName={labelName} />
      <AgreementReportTable title="By annotator pair" lines={byPair} labelName={labelName} />
    </div>
  );
}
