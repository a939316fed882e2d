import { formatAgreement, type SourceAgreement } from "@/lib/aggregates/agreement";
import { formatShare } from "@/lib/aggregates/density";
import type { SourceStats } from "@/lib/schemas/responses/sources";

const agreementHint = (a: SourceAgreement) =>
  a.shown
    ? [`Unitizing alpha over all labels, averaged over ${a.defined} article(s) with two or more annotators (whatever the basis)`, a.note].filter(Boolean).join(": ")
    : (a.note ?? "");

/** The headline figures of one source under the chosen basis. */
export function SourceSummary({ stats }: { stats: SourceStats }) {
  const k = stats.attributionKinds;
  const items: [string, string, string?][] = [
    ["Articles annotated", `${stats.articles} of ${stats.corpus.articles}`],
    ["Words annotated", stats.words.toLocaleString("en")],
    ["Articles with an unverified statement", formatShare(stats.unverifiedArticleShare)],
    ["Anonymous or vague attributions", formatShare(k.anonymousOrVagueShare), `named ${+k.named.toFixed(2)}, anonymous ${+k.anonymous.toFixed(2)}, vague ${+k.vague.toFixed(2)} (attributions with a recorded kind)`],
    ["Mean agreement (uα)", formatAgreement(stats.agreement), agreementHint(stats.agreement)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {items.map(([term, value, hint]) => (
        <div key={term} className="rounded-lg border border-slate-200 bg-white p-3" title={hint}>
          <dt className="text-xs text-slate-500">{term}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
