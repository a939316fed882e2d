"use client";

import Link from "next/link";
import { formatDensity } from "@/lib/aggregates/density";
import type { SourceStats } from "@/lib/schemas/responses/sources";
import { CsvButton } from "./CsvButton";
import { FigureButton } from "./FigureButton";
import type { OpenEvidence } from "./useEvidence";

/** Each annotated article with its spans and density per label. */
export function ArticleFiguresTable({ stats, onEvidence }: { stats: SourceStats; onEvidence: OpenEvidence }) {
  const labels = stats.labelMeta;
  const columns = ["article_id", "title", "published_at", "words", ...labels.flatMap((l) => [`${l.key}_spans`, `${l.key}_per_1000_words`])];
  const rows = stats.articleRows.map((a) => [a.id, a.title, a.publishedAt, a.words, ...labels.flatMap((l) => [a.counts[l.key] ?? 0, a.per1kWords[l.key] ?? null])]);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label="Articles">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-sm font-semibold">Articles ({stats.articleRows.length}) — spans · per 1,000 words</h2>
        <CsvButton filename="articles" basis={stats.basis} about={{ source: stats.source.name }} columns={columns} rows={rows} />
      </div>
      <div className="max-h-[28rem] overflow-auto">
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-white text-xs text-slate-500">
            <tr>
              <th className="text-left font-medium">Article</th><th className="text-left font-medium">Published</th><th className="text-right font-medium">Words</th>
              {labels.map((l) => <th key={l.key} className="text-right font-medium">{l.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {stats.articleRows.map((a) => (
              <tr key={a.id} className="border-t border-slate-100">
                <td className="py-1 pr-2"><Link href={`/articles/${a.id}`} className="hover:text-blue-700 hover:underline">{a.title}</Link></td>
                <td className="whitespace-nowrap text-slate-600">{a.publishedAt ?? "undated"}</td>
                <td className="text-right tabular-nums">{a.words.toLocaleString("en")}</td>
                {labels.map((l) => (
                  <td key={l.key} className="text-right whitespace-nowrap">
                    <FigureButton onEvidence={onEvidence} request={{ sourceId: stats.source.id, title: `${l.name} in “${a.title}”`, filters: { label: l.key, articleId: a.id } }}>
                      {+(a.counts[l.key] ?? 0).toFixed(2)} · {formatDensity(a.per1kWords[l.key] ?? null)}
                    </FigureButton>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
