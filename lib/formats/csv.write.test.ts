import { stringify } from "csv-stringify/browser/esm/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalize } from "./canonical-json";
import { CSV_COLUMNS, csvField, writeCsv } from "./csv.write";
import { sortedAnnotations, type ExportArticle } from "./model";
import { ARTICLE, collectText, EMPTY_ARTICLE, OPTIONS, streamOf } from "./testing/fixtures";

// What the writer produced with csv-stringify before it quoted fields itself: the reference for byte identity.
const CSV_STRINGIFY_OPTIONS = {
  record_delimiter: "\r\n",
  quote_record_delimiter: true,
  escape_formulas: false,
  cast: { string: (value: string) => (value === "" ? { value, quoted_empty: true } : value) },
};

function referenceCsv(articles: ExportArticle[]): string {
  let out = stringify([[...CSV_COLUMNS]], CSV_STRINGIFY_OPTIONS);
  for (const article of articles) {
    const rows = sortedAnnotations(article).map((a) => [
      ...[article.id, article.title, article.source.id, article.source.name, article.source.slug, article.byline, article.url, article.publishedAt, article.contentHash],
      ...[a.id, a.label, String(a.start), String(a.end), a.quote, a.prefix, a.suffix, a.note, JSON.stringify(canonicalize(a.attributes))],
      ...[a.annotator.id, a.annotator.name, String(a.gold), a.createdAt, a.updatedAt],
    ]);
    if (rows.length > 0) out += stringify(rows, CSV_STRINGIFY_OPTIONS);
  }
  return out;
}

// Characters that matter to CSV quoting, and some that must not.
const cell = fc.oneof(fc.string(), fc.stringMatching(/^[a-z",\r\n\t =+\-@'\u2028 ]{0,12}$/), fc.constant(""));

describe("csvField", () => {
  it("quotes exactly as csv-stringify did, for single fields and whole records", () => {
    fc.assert(
      fc.property(fc.array(fc.option(cell, { nil: null }), { minLength: 1, maxLength: 6 }), (fields) => {
        expect(`${fields.map(csvField).join(",")}\r\n`).toBe(stringify([fields], CSV_STRINGIFY_OPTIONS));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

describe("writeCsv", () => {
  const write = (articles: ExportArticle[]) => collectText(writeCsv(streamOf(articles), OPTIONS));

  it("writes the same bytes as the csv-stringify writer did", async () => {
    const articles = [ARTICLE, EMPTY_ARTICLE, { ...ARTICLE, id: "art-0003", byline: "", url: null, title: 'A "quoted", title\r\nover two lines' }];
    expect(await write(articles)).toBe(referenceCsv(articles));
    expect(await write([])).toBe(referenceCsv([]));
  });

  it("still does for any article and source details, notes and annotator names", async () => {
    const details = fc.record({ title: cell, name: cell, slug: cell, byline: fc.option(cell, { nil: null }), note: fc.option(cell, { nil: null }), annotator: cell });
    await fc.assert(
      fc.asyncProperty(details, async (d) => {
        const article: ExportArticle = {
          ...ARTICLE,
          title: d.title,
          byline: d.byline,
          source: { ...ARTICLE.source, name: d.name, slug: d.slug },
          annotations: ARTICLE.annotations.map((a, i) => ({ ...a, note: i % 2 ? d.note : a.note, annotator: { id: a.annotator.id, name: d.annotator } })),
        };
        expect(await write([article])).toBe(referenceCsv([article]));
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("yields chunks that end on record boundaries", async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...ARTICLE, id: `art-${i}` }));
    const chunks: string[] = [];
    for await (const chunk of writeCsv(streamOf(many), OPTIONS)) chunks.push(chunk as string);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.endsWith("\r\n"))).toBe(true);
    expect(chunks.join("")).toBe(referenceCsv(many));
  });
});
