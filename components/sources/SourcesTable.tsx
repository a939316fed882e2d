"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import { formatAgreement } from "@/lib/aggregates/agreement";
import { toCsv } from "@/lib/aggregates/csv";
import { formatDensity, formatShare } from "@/lib/aggregates/density";
import { keyOfRole, type LabelMeta } from "@/lib/aggregates/figures";
import type { SourceIndexItem, ViewBasis } from "@/lib/schemas/responses/sources";
import { downloadCsv } from "@/components/ui/download";
import { agreementHint, indexColumns, sortItems } from "./sourceIndexColumns";
import { LabelMix } from "./LabelMix";
import type { OpenEvidence } from "./useEvidence";

type Props = { items: SourceIndexItem[]; labels: LabelMeta[]; basis: ViewBasis; onEvidence: OpenEvidence };

export function SourcesTable({ items, labels, basis, onEvidence }: Props) {
  const columns = indexColumns(labels);
  const [sort, setSort] = useState({ key: "name", descending: false });
  const sorted = sortItems(items, columns.find((c) => c.key === sort.key), sort.descending);
  const sortBy = (key: string) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== "name" }));
  const header = (key: string, text: string, className = "text-right") => (
    <th scope="col" className={`px-3 py-2 font-medium ${className}`} aria-sort={sort.key === key ? (sort.descending ? "descending" : "ascending") : "none"}>
      <button type="button" onClick={() => sortBy(key)} className="hover:text-slate-900">{text}{sort.key === key ? (sort.descending ? " ↓" : " ↑") : ""}</button>
    </th>
  );
  const csv = () => toCsv({ about: { basis: basis.description, filters: basis.filters }, columns: columns.map((c) => c.heading), rows: sorted.map((i) => columns.map((c) => c.value(i))) });
  const figure = (item: SourceIndexItem, title: string, filters: Record<string, string>, text: string) => (
    <button type="button" className="tabular-nums hover:text-blue-700 hover:underline" onClick={() => onEvidence({ sourceId: item.source.id, title: `${item.source.name}: ${title}`, filters })}>
      {text}
    </button>
  );
  return (
    <div className="space-y-2">
      <div className="flex justify-end"><button type="button" className="rounded border border-slate-300 bg-white px-2 py-1 text-xs" onClick={() => downloadCsv(csv(), "sources")}>Download CSV</button></div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm">
          <caption className="px-3 py-2 text-left text-xs text-slate-500">Label cells: spans · per 1,000 words. Click a figure to list its spans. Agreement: mean unitizing alpha over articles with two or more annotators (n = articles), whatever the basis.</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {header("name", "Source", "text-left")}
              {header("articles", "Articles")}
              {header("words", "Words")}
              {labels.map((l) => <Fragment key={l.key}>{header(`density:${l.key}`, l.name)}</Fragment>)}
              {header("unverified", "With unverified")}
              {header("anonVague", "Anon./vague attributions")}
              {header("agreement", "Agreement (uα)")}
              <th scope="col" className="px-3 py-2 font-medium">Label mix</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sorted.map((item) => (
              <tr key={item.source.id} className="hover:bg-slate-50">
                <th scope="row" className="px-3 py-2 text-left font-medium"><Link href={`/sources/${item.source.id}?basis=${basis.key}`} className="text-slate-900 hover:text-blue-700 hover:underline">{item.source.name}</Link></th>
                <td className="px-3 py-2 text-right tabular-nums" title={`${item.corpus.articles} in the corpus`}>{item.articles} <span className="text-slate-400">/ {item.corpus.articles}</span></td>
                <td className="px-3 py-2 text-right tabular-nums">{item.words.toLocaleString("en")}</td>
                {labels.map((l, n) => (
                  <td key={l.key} className="px-3 py-2 text-right whitespace-nowrap">
                    {figure(item, l.name, { label: l.key }, `${+(item.labels[n]?.count ?? 0).toFixed(2)} · ${formatDensity(item.labels[n]?.per1kWords ?? null)}`)}
                  </td>
                ))}
                <td className="px-3 py-2 text-right">{figure(item, "unverified statements", { label: "unverified" }, formatShare(item.unverifiedArticleShare))}</td>
                <td className="px-3 py-2 text-right">{figure(item, "anonymous or vague attributions", { label: keyOfRole(labels, "ATTRIBUTIONS") ?? "", kind: "anonymous_or_vague" }, formatShare(item.attributionKinds.anonymousOrVagueShare))}</td>
                <td className={`px-3 py-2 text-right tabular-nums ${item.agreement.mean === null ? "text-slate-400" : ""}`} title={agreementHint(item)}>
                  {formatAgreement(item.agreement)}
                </td>
                <td className="px-3 py-2"><LabelMix labels={labels} figures={item.labels} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
