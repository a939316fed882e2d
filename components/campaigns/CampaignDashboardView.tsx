import Link from "next/link";
import { AgreementReportTable } from "@/components/compare/AgreementReportTable";
import { PendingFiguresNotice } from "@/components/compare/PendingFiguresNotice";
import { OUTLIER_RULE } from "@/lib/campaigns/dashboard";
import type { CampaignDashboard } from "@/lib/schemas/responses/campaign-dashboard";

const fixed = (x: number | null) => (x === null ? "—" : x.toFixed(2));
const th = "py-1 pr-3 font-medium";

function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" title={warnings.join("\n")}>
      ⚠ {warnings.length}
    </span>
  );
}

/** Within-group pairs against across-group pairs, then each pair of groups: a pair of raters on one article is one unit. */
function GroupAgreementTable({ lines, labelName }: { lines: CampaignDashboard["byGroup"]; labelName: (key: string) => string }) {
  return (
    <table className="w-full min-w-[36rem] text-sm" aria-label="Agreement by panel group">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className={th}>Rater pairs</th>
          <th className={th}>Label</th>
          <th className={`${th} text-right`} title="Article × rater pair units">Units</th>
          <th className={`${th} text-right`} title="Corpus-level span F1 (SemEval-2020 Task 11), exact / partial">F1 pooled</th>
          <th className={`${th} text-right`}>uα (n)</th>
          <th className="py-1 font-medium">Warnings</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {lines.map((l) => (
          <tr key={`${l.kind}-${l.groups?.join("|") ?? "all"}-${l.key}`} className={`border-t border-slate-100 ${l.groups ? "" : "font-medium"}`}>
            <td className="py-1 pr-3">{l.groups ? l.groups.join(" × ") : l.kind === "within" ? "Within a group" : "Across groups"}</td>
            <td className="py-1 pr-3">{labelName(l.key)}</td>
            <td className="py-1 pr-3 text-right">{l.articles}</td>
            <td className="py-1 pr-3 text-right">
              {fixed(l.f1Pooled.exact)} / {fixed(l.f1Pooled.partial)}
            </td>
            <td className="py-1 pr-3 text-right">
              {fixed(l.alpha.mean)} ({l.alpha.defined})
            </td>
            <td className="py-1">
              <Warnings warnings={l.warnings} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AnnotatorTable({ dashboard }: { dashboard: CampaignDashboard }) {
  const { annotators, outlierRule } = dashboard;
  return (
    <table className="w-full min-w-[40rem] text-sm" aria-label="Annotators' figures">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className={th}>Annotator</th>
          {dashboard.campaign.balanceBy && <th className={th}>Group</th>}
          <th className={`${th} text-right`}>Submitted</th>
          <th className={`${th} text-right`}>Spans / 1,000 words</th>
          <th className={`${th} text-right`} title="Pooled partial span F1 against every other rater of the articles they share (n: articles)">With others (n)</th>
          <th className={`${th} text-right`} title="Exact span F1 against gold on their adjudicated articles (n: articles)">With gold (n)</th>
          <th className="py-1 font-medium">Flag</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {annotators.map((a) => (
          <tr key={a.id} className="border-t border-slate-100">
            <td className="py-1 pr-3">{a.name}</td>
            {dashboard.campaign.balanceBy && <td className="py-1 pr-3">{a.group ?? "—"}</td>}
            <td className="py-1 pr-3 text-right">{a.submitted}</td>
            <td className="py-1 pr-3 text-right">{a.spansPerThousandWords === null ? "—" : a.spansPerThousandWords.toFixed(1)}</td>
            <td className="py-1 pr-3 text-right">
              {fixed(a.withOthers)} ({a.sharedArticles})
            </td>
            <td className="py-1 pr-3 text-right">
              {fixed(a.withGold)} ({a.goldArticles})
            </td>
            <td className="py-1">
              {a.outlier && (
                <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900" title={`Agreement with others below ${fixed(outlierRule.threshold)} (median ${fixed(outlierRule.median)} − ${outlierRule.mads} MAD)`}>
                  outlier
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A campaign's dashboard: progress, agreement per label and by panel group, each annotator's figures. */
export function CampaignDashboardView({ dashboard, labelNames }: { dashboard: CampaignDashboard; labelNames: Record<string, string> }) {
  const { progress, campaign } = dashboard;
  const labelName = (key: string) => labelNames[key] ?? key;
  return (
    <section aria-labelledby="dashboard" className="space-y-6">
      <div className="space-y-1">
        <h2 id="dashboard" className="text-lg font-semibold">
          Dashboard
        </h2>
        <p className="text-sm text-slate-700">
          {progress.submitted.toLocaleString("en")} of {progress.slots.toLocaleString("en")} hand-outs submitted ({progress.handedOut.toLocaleString("en")} handed out,{" "}
          {progress.articles.toLocaleString("en")} articles × k = {campaign.overlap}); {progress.fullySubmitted.toLocaleString("en")} article(s) fully submitted,{" "}
          <Link href={`/review?campaignId=${campaign.id}`} className="text-blue-700 hover:underline">
            ready for review
          </Link>
          . Agreement rests on the {dashboard.articlesCompared.toLocaleString("en")} article(s) with two or more raters so far.
        </p>
        <PendingFiguresNotice pending={dashboard.articlesPending} />
      </div>
      <div className="overflow-x-auto">
        <AgreementReportTable title="Agreement per label" lines={dashboard.byLabel.map((l) => ({ ...l, group: "All raters" }))} labelName={labelName} />
      </div>
      {campaign.balanceBy && (
        <div className="space-y-2">
          <h3 className="font-semibold">Agreement by panel group ({campaign.balanceName ?? campaign.balanceBy})</h3>
          <p className="max-w-3xl text-sm text-slate-600">
            Each pair of raters on an article is one unit: pairs of the same group against pairs of different groups. Lower agreement across groups than within them suggests the
            groups read the guideline differently.
          </p>
          {/* Labels nobody used on these articles would only add rows of dashes. */}
          {dashboard.byGroup.some((l) => l.spans > 0) ? (
            <div className="overflow-x-auto">
              <GroupAgreementTable lines={dashboard.byGroup.filter((l) => l.spans > 0)} labelName={labelName} />
            </div>
          ) : (
            <p className="text-sm text-slate-600">No article has two raters with a group and a span yet.</p>
          )}
        </div>
      )}
      <div className="space-y-2">
        <h3 className="font-semibold">Annotators&rsquo; figures</h3>
        <p className="max-w-3xl text-sm text-slate-600">
          Outliers: agreement with the others more than {dashboard.outlierRule.mads} median absolute deviations below the median (the deviation taken as at least {OUTLIER_RULE.minMad}), among annotators
          sharing at least {dashboard.outlierRule.minArticles} articles; nobody is flagged with fewer than {OUTLIER_RULE.minJudged} such annotators.
        </p>
        <div className="overflow-x-auto">
          <AnnotatorTable dashboard={dashboard} />
        </div>
      </div>
    </section>
  );
}
