import { parse } from "csv-parse/browser/esm/sync";
import { describe, expect, it } from "vitest";
import { readCsv } from "./csv.read";
import { CSV_COLUMNS, writeCsv } from "./csv.write";
import type { ExportArticle } from "./model";
import { ANNOTATIONS_ONLY, ARTICLE, collect, collectText, EMPTY_ARTICLE, OPTIONS, streamOf } from "./testing/fixtures";

const write = (articles: ExportArticle[], options = OPTIONS) => collectText(writeCsv(streamOf(articles), options));
const NULLS = { ...ARTICLE, byline: null, url: null, publishedAt: null, text: null };

async function readAll(csv: string): Promise<ExportArticle[]> {
  return (await collect(readCsv(csv))).map((r) => {
    if (!r.ok) throw new Error(`line ${r.line}: ${r.error}`);
    return r.article;
  });
}

describe("writeCsv", () => {
  it("writes a header and one row per annotation, sorted, with CRLF record ends", async () => {
    const csv = await write([ARTICLE, EMPTY_ARTICLE]);
    expect(csv.startsWith(`${CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows: string[][] = parse(csv, { columns: false });
    expect(rows).toHaveLength(1 + ARTICLE.annotations.length); // the unannotated article has no rows
    expect(rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf("annotation_id")])).toEqual(["a-02", "a-01", "a-03", "a-07", "a-04", "a-05", "a-08", "a-06", "a-10", "a-09", "a-11", "a-12"]);
  });

  it.each([
    ["a newline inside a quote", "a-07", "quote", "the regime.\n\nA family"],
    ["a tab, a quote mark and a newline in a note", "a-01", "note", 'Scare qualifier,\t"so-called"\nsecond line'],
    ["canonical attributes JSON", "a-01", "attributes", '{"a":{"b":null,"d":[1,2]},"z":1}'],
    ["an emoji quote with code point offsets", "a-05", "start", String(ARTICLE.annotations.find((a) => a.id === "a-05")!.start)],
    ["RTL text", "a-08", "quote", "لا للمصالحة"],
    ["a combining mark", "a-10", "quote", "M\u0332ekdad"],
    ["gold as true/false", "a-05", "gold", "true"],
  ])("keeps %s (RFC 4180 parsers read it back)", async (_, id, column, expected) => {
    const rows: Record<string, string>[] = parse(await write([ARTICLE]), { columns: true });
    expect(rows.find((r) => r.annotation_id === id)?.[column]).toBe(expected);
  });

  it("quotes empty strings and leaves nulls unquoted", async () => {
    const csv = await write([{ ...NULLS, byline: "" }]);
    const regime = csv.split("\r\n").find((line) => line.includes(",a-04,"))!;
    // byline "" → "", url null → empty, published_at null → empty; note "" → ""
    expect(regime.startsWith(`art-0001,${ARTICLE.title.includes(",") ? `"${ARTICLE.title}"` : ARTICLE.title},src-mayadeen,Al Mayadeen English,al-mayadeen-english,"",,,`)).toBe(true);
    expect(regime).toContain(',"",{},');
  });

  it("is the same with annotationsOnly (the CSV never carries the text)", async () => {
    expect(await write([ARTICLE], ANNOTATIONS_ONLY)).toBe(await write([ARTICLE]));
  });
});

describe("readCsv", () => {
  it.each([
    ["with nulls", NULLS],
    ["with empty strings", { ...NULLS, byline: "", url: "" }],
    ["with values", ARTICLE],
  ])("round-trips %s: write → read → write is byte-identical", async (_, article) => {
    const first = await write([article, EMPTY_ARTICLE, { ...article, id: "art-0003" }]);
    const read = await readAll(first);
    expect(read.map((a) => a.id)).toEqual(["art-0001", "art-0003"]);
    expect(read[0]).toEqual({ ...article, text: null, annotations: expect.arrayContaining(ARTICLE.annotations) });
    expect(await write(read)).toBe(first);
  });

  it("writes the guideline version (empty when not known) and reads it back; a file from before the column still reads", async () => {
    const [first, ...rest] = ARTICLE.annotations;
    const versioned = { ...ARTICLE, annotations: [{ ...first!, guidelineVersion: 4 }, ...rest] };
    const csv = await write([versioned]);
    const [back] = await readAll(csv);
    expect(back!.annotations.find((a) => a.id === first!.id)?.guidelineVersion).toBe(4);
    expect(back!.annotations.filter((a) => a.guidelineVersion !== undefined)).toHaveLength(1);
    // The columns exports had before decision 0022: drop the last one from every record.
    const older = (await write([ARTICLE])).replace(/,guideline_version\r\n/, "\r\n").replace(/,\r\n/g, "\r\n");
    const [old] = await readAll(older);
    expect(old!.annotations).toHaveLength(ARTICLE.annotations.length);
  });

  it("reads byte chunks with a byte order mark", async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${await write([ARTICLE])}`);
    const articles = await collect(readCsv(streamOf([bytes.slice(0, 700), bytes.slice(700)])));
    expect(articles.map((r) => r.ok && r.article.annotations.length)).toEqual([12]);
  });

  it.each([
    ["a short row", (rows: string[]) => rows.with(2, "art-0001,short"), 3, /expected 24 fields, found 2/],
    ["a bad offset", (rows: string[]) => rows.with(2, rows[2]!.replace(/,a-01,loaded_language,\d+,/, ",a-01,loaded_language,x,")), 3, /^start: /],
    ["bad attributes JSON", (rows: string[]) => rows.with(2, rows[2]!.replace(',"{""a"":', ',"{a:')), 3, /^attributes: /],
    ["bad gold", (rows: string[]) => rows.with(2, rows[2]!.replace(",false,", ",no,")), 3, /^gold: /],
    ["article details that change", (rows: string[]) => rows.with(2, rows[2]!.replace("al-mayadeen-english", "other")), 3, /different details than on line 2/],
  ])("reports %s with its line number and keeps the other rows", async (_, corrupt, line, reason) => {
    const rows = (await write([ARTICLE])).split("\r\n");
    const results = await collect(readCsv(corrupt(rows).join("\r\n")));
    const errors = results.filter((r) => !r.ok);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line });
    expect(!errors[0]!.ok && errors[0]!.error).toMatch(reason);
    const ok = results.find((r) => r.ok);
    expect(ok?.ok && ok.article.annotations).toHaveLength(ARTICLE.annotations.length - 1);
  });

  it("counts the lines of multi-line quoted fields when numbering rows", async () => {
    const rows = (await write([ARTICLE])).split("\r\n");
    const index = rows.findIndex((r) => r.includes(",a-04,"));
    const corrupt = rows.with(index, rows[index]!.replace(",a-04,loaded_language,", ",a-04,,")).join("\r\n");
    // Earlier rows carry newlines in quotes, prefixes, suffixes and notes, so the row index is not the line number.
    const recordStart = corrupt.lastIndexOf("\r\nart-0001,", corrupt.indexOf(",a-04,")) + 2;
    const expectedLine = corrupt.slice(0, recordStart).split("\n").length;
    expect(expectedLine).toBeGreaterThan(index + 1);
    const [error] = (await collect(readCsv(corrupt))).filter((r) => !r.ok);
    expect(error).toMatchObject({ line: expectedLine });
  });

  it.each([
    ["a wrong header", "id,label\r\n1,claim\r\n", 1, /unexpected header/],
    ["an unterminated quote", `${CSV_COLUMNS.join(",")}\r\n"art-0001,oops\r\n`, 3, /^malformed CSV: Quote Not Closed/],
  ])("stops at %s", async (_, csv, line, reason) => {
    const results = await collect(readCsv(csv));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: false, line });
    expect(!results[0]!.ok && results[0]!.error).toMatch(reason);
  });
});
