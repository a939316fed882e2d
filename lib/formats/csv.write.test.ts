import { parse } from "csv-parse/browser/esm/sync";
import { stringify } from "csv-stringify/browser/esm/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalize } from "./canonical-json";
import { CSV_COLUMNS, csvField, writeCsv } from "./csv.write";
import { sortedAnnotations, type ExportArticle } from "./model";
import { ARTICLE, collectText, EMPTY_ARTICLE, OPTIONS, streamOf } from "./testing/fixtures";

const RAW = { spreadsheetSafe: false };
const RAW_OPTIONS = { ...OPTIONS, ...RAW };

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
      ...[a.annotator.id, a.annotator.name, String(a.gold), a.createdAt, a.updatedAt, a.guidelineVersion === undefined ? null : String(a.guidelineVersion)],
    ]);
    if (rows.length > 0) out += stringify(rows, CSV_STRINGIFY_OPTIONS);
  }
  return out;
}

// Characters that matter to CSV quoting, and some that must not.
const cell = fc.oneof(fc.string(), fc.stringMatching(/^[a-z",\r\n\t =+\-@'\u2028 ]{0,12}$/), fc.constant(""));

describe("csvField", () => {
  it("unsafe (for pipelines), quotes exactly as csv-stringify did, for single fields and whole records", () => {
    fc.assert(
      fc.property(fc.array(fc.option(cell, { nil: null }), { minLength: 1, maxLength: 6 }), (fields) => {
        expect(`${fields.map((f) => csvField(f, RAW)).join(",")}\r\n`).toBe(stringify([fields], CSV_STRINGIFY_OPTIONS));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it("safe (the default), no field read back starts a formula, and each is its text or ' + its text", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (fields) => {
        const [record] = parse(`${fields.map((f) => csvField(f, { spreadsheetSafe: true })).join(",")}\r\n`, { relax_column_count: true }) as string[][];
        record!.forEach((read, i) => {
          expect(read).not.toMatch(/^[=+\-@\t\r]/);
          expect([fields[i], `'${fields[i]}`]).toContain(read);
        });
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it.each([
    ["=HYPERLINK(\"http://evil.example\",\"click\")", `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ["+1 555", `"'+1 555"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tindented", `"'\tindented"`],
    ["\rcarriage", `"'\rcarriage"`],
    ["＝1+1", `"'＝1+1"`],
    ["a = b", "a = b"],
  ])("neutralises %j as %s", (value, written) => {
    expect(csvField(value, { spreadsheetSafe: true })).toBe(written);
  });
});

describe("writeCsv", () => {
  const write = (articles: ExportArticle[]) => collectText(writeCsv(streamOf(articles), RAW_OPTIONS));

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

  it("is spreadsheet-safe by default: a planted formula in a note, title or source name is written as text", async () => {
    const formula = '=HYPERLINK("http://evil.example","x")';
    const article = { ...ARTICLE, title: formula, source: { ...ARTICLE.source, name: `@${formula}` }, annotations: ARTICLE.annotations.map((a) => ({ ...a, note: formula })) };
    const rows: Record<string, string>[] = parse(await collectText(writeCsv(streamOf([article]), OPTIONS)), { columns: true });
    for (const row of rows) {
      expect(row.note).toBe(`'${formula}`);
      expect(row.article_title).toBe(`'${formula}`);
      expect(row.source_name).toBe(`'@${formula}`);
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
    const raw: Record<string, string>[] = parse(await write([article]), { columns: true });
    expect(raw[0]!.note).toBe(formula);
  });

  it("yields chunks that end on record boundaries", async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...ARTICLE, id: `art-${i}` }));
    const chunks: string[] = [];
    for await (const chunk of writeCsv(streamOf(many), RAW_OPTIONS)) chunks.push(chunk as string);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.endsWith("\r\n"))).toBe(true);
    expect(chunks.join("")).toBe(referenceCsv(many));
  });
});
