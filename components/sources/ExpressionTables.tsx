"use client";

import { keyOfRole } from "@/lib/aggregates/figures";
import type { SourceStats } from "@/lib/schemas/responses/sources";
import { CsvButton } from "./CsvButton";
import { FigureButton } from "./FigureButton";
import type { OpenEvidence } from "./useEvidence";

const box = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/** Most frequent loaded-language expressions and most cited speakers, each row opening its spans. */
export function ExpressionTables({ stats, onEvidence }: { stats: SourceStats; onEvidence: OpenEvidence }) {
  const sourceId = stats.source.id;
  const expressions = keyOfRole(stats.labelMeta, "EXPRESSIONS") ?? "";
  const attributions = keyOfRole(stats.labelMeta, "ATTRIBUTIONS") ?? "";
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section className={box} aria-label="Loaded language">
        <div className="mb-2 flex items-center justify-between">
          <h2 className="text-sm font-semibold">Most frequent loaded language</h2>
          <CsvButton filename="loaded-language" basis={stats.basis} about={{ source: stats.source.name }} columns={["expression", "spans", "articles"]} rows={stats.topLoaded.map((e) => [e.expression, e.spans, e.articles])} />
        </div>
        <table className="w-full text-sm">
          <thead className="text-xs text-slate-500"><tr><th className="text-left font-medium">Expression (normalized)</th><th className="text-right font-medium">Spans</th><th className="text-right font-medium">Articles</th></tr></thead>
          <tbody>
            {stats.topLoaded.map((e) => (
              <tr key={e.expression} className="border-t border-slate-100">
                <td className="py-1 font-serif">“{e.expression}”</td>
                <td className="text-right"><FigureButton onEvidence={onEvidence} request={{ sourceId, title: `“${e.expression}”`, filters: { label: expressions, expression: e.expression } }}>{e.spans}</FigureButton></td>
                <td className="text-right tabular-nums">{e.articles}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {stats.topLoaded.length === 0 && <p className="text-sm text-slate-500">No loaded language tagged under this basis.</p>}
      </section>
      <section className={box} aria-label="Attributions">
        <div className="mb-2 flex items-center justify-between">
          <h2 className="text-sm font-semibold">Most cited attributions</h2>
          <CsvButton filename="attributions" basis={stats.basis} about={{ source: stats.source.name }} columns={["speaker", "kind", "spans", "articles"]} rows={stats.topAttributions.map((a) => [a.speaker, a.kind, a.spans, a.articles])} />
        </div>
        <table className="w-full text-sm">
          <thead className="text-xs text-slate-500"><tr><th className="text-left font-medium">Speaker</th><th className="text-left font-medium">How</th><th className="text-right font-medium">Spans</th><th className="text-right font-medium">Articles</th></tr></thead>
          <tbody>
            {stats.topAttributions.map((a) => (
              <tr key={`${a.speakerKey}|${a.kind}`} className="border-t border-slate-100">
                <td className="py-1">{a.speaker || <span className="text-slate-400">(not recorded)</span>}</td>
                <td>{a.kind || "—"}</td>
                <td className="text-right"><FigureButton onEvidence={onEvidence} request={{ sourceId, title: `${a.speaker || "unrecorded speaker"} (${a.kind || "kind not recorded"})`, filters: { label: attributions, speaker: a.speakerKey, ...(a.kind ? { kind: a.kind } : {}) } }}>{a.spans}</FigureButton></td>
                <td className="text-right tabular-nums">{a.articles}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {stats.topAttributions.length === 0 && <p className="text-sm text-slate-500">No attributions tagged under this basis.</p>}
      </section>
    </div>
  );
}
