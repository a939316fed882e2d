import { describe, expect, it } from "vitest";
import { readJsonl, writeJsonl } from "./jsonl";
import type { ExportArticle } from "./model";
import { ANNOTATIONS_ONLY, ARTICLE, collect, collectText, EMPTY_ARTICLE, OPTIONS, streamOf } from "./testing/fixtures";

const write = (articles: ExportArticle[], options = OPTIONS) => collectText(writeJsonl(streamOf(articles), options));

async function readAll(text: string): Promise<ExportArticle[]> {
  const results = await collect(readJsonl(text));
  return results.map((r) => {
    if (!r.ok) throw new Error(`line ${r.line}: ${r.error}`);
    return r.article;
  });
}

describe("writeJsonl", () => {
  it("writes one line per article, annotations sorted, keys in a fixed order", async () => {
    const out = await write([ARTICLE, EMPTY_ARTICLE]);
    const lines = out.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first)).toEqual(["id", "title", "source", "byline", "url", "publishedAt", "text", "contentHash", "annotations"]);
    expect(first.annotations.map((a: { id: string }) => a.id)).toEqual(["a-02", "a-01", "a-03", "a-07", "a-04", "a-05", "a-08", "a-06", "a-10", "a-09", "a-11", "a-12"]);
    expect(first.annotations[1].attributes).toEqual({ a: { b: null, d: [1, 2] }, z: 1 });
    expect(JSON.stringify(first.annotations[1].attributes)).toBe('{"a":{"b":null,"d":[1,2]},"z":1}');
  });

  it("writes a span's guideline version when it has one, and reads it back; leaves the key out when not", async () => {
    const [first, ...rest] = ARTICLE.annotations;
    const versioned = { ...ARTICLE, annotations: [{ ...first!, guidelineVersion: 2 }, ...rest] };
    const record = JSON.parse((await write([versioned])).trimEnd()) as { annotations: { id: string; guidelineVersion?: number }[] };
    expect(record.annotations.filter((a) => "guidelineVersion" in a)).toEqual([expect.objectContaining({ id: first!.id, guidelineVersion: 2 })]);
    const [back] = await readAll(await write([versioned]));
    expect(back!.annotations.find((a) => a.id === first!.id)?.guidelineVersion).toBe(2);
  });

  it("keeps code point offsets: Python's text[start:end] is the quote", async () => {
    const record = JSON.parse((await write([ARTICLE])).trimEnd());
    const chars = Array.from(record.text as string);
    for (const a of record.annotations) expect(chars.slice(a.start, a.end).join("")).toBe(a.quote);
    const thumbs = record.annotations.find((a: { id: string }) => a.id === "a-02");
    expect(thumbs.quote.endsWith("👍🏽 in Azaz")).toBe(true);
    expect(thumbs.end - thumbs.start).toBe(Array.from(thumbs.quote).length);
  });

  it.each([
    ["full", OPTIONS, ARTICLE.text],
    ["annotations only", ANNOTATIONS_ONLY, null],
  ])("%s export: text is %j", async (_, options, text) => {
    const record = JSON.parse((await write([ARTICLE], options)).trimEnd());
    expect(record.text).toBe(text);
    expect(record.annotations[0].quote).toBe(ARTICLE.annotations[2]!.quote);
  });

  it("escapes U+2028/U+2029 so that no line splitter breaks a record", async () => {
    const out = await write([{ ...EMPTY_ARTICLE, title: "a\u2028b\u2029c" }]);
    expect(out).toContain("a\\u2028b\\u2029c");
    expect(out.split(/\r?\n|\u2028|\u2029/)).toHaveLength(2);
  });

  it("refuses an inconsistent article instead of exporting it", async () => {
    const broken = { ...ARTICLE, annotations: [{ ...ARTICLE.annotations[0]!, start: 0, end: 21 }] };
    await expect(write([broken])).rejects.toThrow(/art-0001: annotations\.0\.quote: quote does not match/);
  });
});

describe("readJsonl", () => {
  it("round-trips: write → read → write is byte-identical", async () => {
    for (const options of [OPTIONS, ANNOTATIONS_ONLY]) {
      const first = await write([ARTICLE, EMPTY_ARTICLE], options);
      const second = await write(await readAll(first), options);
      expect(second).toBe(first);
    }
  });

  it("reads back exactly the input (modulo annotation order)", async () => {
    const [article] = await readAll(await write([ARTICLE]));
    expect(article).toEqual({ ...ARTICLE, annotations: expect.arrayContaining(ARTICLE.annotations) });
    expect(article?.annotations).toHaveLength(ARTICLE.annotations.length);
  });

  it("reads byte chunks split inside a multi-byte character, with CRLF and a BOM", async () => {
    const text = `\uFEFF${(await write([ARTICLE, EMPTY_ARTICLE])).replace(/\n/g, "\r\n")}`;
    const bytes = new TextEncoder().encode(text);
    const emoji = bytes.indexOf(0xf0); // first byte of the first 4-byte character
    const chunks = streamOf([bytes.slice(0, emoji + 1), bytes.slice(emoji + 1, emoji + 3), bytes.slice(emoji + 3)]);
    const results = await collect(readJsonl(chunks));
    expect(results.map((r) => r.ok && r.article.id)).toEqual(["art-0001", "art-0002"]);
  });

  it.each([
    ["not JSON", "{nope", /^not valid JSON/],
    ["wrong type", '{"id": 5}', /^id: Invalid input: expected string, received number/],
    ["missing annotations", JSON.stringify({ ...EMPTY_ARTICLE, annotations: undefined }), /annotations: /],
    ["UTF-16 offsets", JSON.stringify({ ...ARTICLE, annotations: [{ ...ARTICLE.annotations[2], end: ARTICLE.annotations[2]!.end + 1 }] }), /annotations\.0\.quote: quote is 97 code points long but \[start, end\) spans 98/],
  ])("reports %s with its line number and keeps going", async (_, bad, reason) => {
    const good = (await write([EMPTY_ARTICLE])).trimEnd();
    const results = await collect(readJsonl([good, "", bad, good]));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    const failure = results[1];
    expect(failure?.line).toBe(3);
    expect(!failure?.ok && failure?.error).toMatch(reason);
  });
});
