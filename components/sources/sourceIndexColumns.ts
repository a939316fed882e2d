import type { LabelMeta } from "@/lib/aggregates/figures";
import type { SourceIndexItem } from "@/lib/schemas/responses/sources";

// The index's sortable columns, shared by the table and its CSV download.

export type IndexColumn = { key: string; heading: string; value: (item: SourceIndexItem) => number | string | null };

export function indexColumns(labels: readonly LabelMeta[]): IndexColumn[] {
  return [
    { key: "name", heading: "Source", value: (i) => i.source.name },
    { key: "articles", heading: "Articles annotated", value: (i) => i.articles },
    { key: "corpus", heading: "Articles in corpus", value: (i) => i.corpus.articles },
    { key: "words", heading: "Words annotated", value: (i) => i.words },
    ...labels.flatMap((l, n): IndexColumn[] => [
      { key: `count:${l.key}`, heading: `${l.name} spans`, value: (i) => i.labels[n]?.count ?? 0 },
      { key: `density:${l.key}`, heading: `${l.name} per 1,000 words`, value: (i) => i.labels[n]?.per1kWords ?? null },
    ]),
    { key: "unverified", heading: "Articles with unverified", value: (i) => i.unverifiedArticleShare },
    { key: "anonVague", heading: "Anonymous or vague attributions", value: (i) => i.attributionKinds.anonymousOrVagueShare },
    { key: "agreement", heading: "Mean agreement (unitizing alpha)", value: (i) => i.agreement.mean },
    { key: "agreementArticles", heading: "Agreement: articles with alpha", value: (i) => i.agreement.defined },
    { key: "agreementNote", heading: "Agreement: note", value: (i) => i.agreement.note },
  ];
}

/** What an agreement cell rests on, or why it is n/a. */
export function agreementHint(item: SourceIndexItem): string {
  const a = item.agreement;
  if (!a.shown) return a.note ?? "n/a";
  const base = a.mean === null ? "n/a" : `mean uα ${a.mean.toFixed(3)} over ${a.defined} article(s) with two or more annotators`;
  return a.note ? `${base}: ${a.note}` : base;
}

export function sortItems(items: readonly SourceIndexItem[], column: IndexColumn | undefined, descending: boolean): SourceIndexItem[] {
  if (!column) return [...items];
  const sign = descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // undefined figures last either way
    return sign * (typeof x === "string" ? x.localeCompare(String(y)) : x - Number(y));
  });
}
