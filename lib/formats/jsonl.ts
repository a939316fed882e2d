// JSONL: one article per line with its annotations — the Hugging Face-friendly
// default (`datasets.load_dataset("json", data_files=…)` reads it as is) and
// the only format that round-trips every field, so it is also Slant's import
// format. Besides the spans, annotations carry their review decision, the
// spans a gold span was adjudicated from, and comments (provenance.ts).
import { canonicalize, stringifyJson } from "./canonical-json";
import type { ExportPerson } from "./provenance";
import { jsonLines, type TextInput } from "./lines";
import { checkedArticle, describeIssues, ExportArticleSchema, sortedAnnotations, type ExportArticle, type ExportOptions } from "./model";

/** Key order fixed; the email only when the export carries it. */
const person = (p: ExportPerson): ExportPerson => (p.email === undefined ? { id: p.id, name: p.name } : { id: p.id, name: p.name, email: p.email });

/** The record with a fixed key order, so that equal articles serialize to equal bytes. */
function jsonlRecord(article: ExportArticle, options: ExportOptions): ExportArticle {
  return {
    id: article.id,
    title: article.title,
    source: { id: article.source.id, name: article.source.name, slug: article.source.slug },
    byline: article.byline,
    url: article.url,
    publishedAt: article.publishedAt,
    text: options.annotationsOnly ? null : article.text,
    contentHash: article.contentHash,
    annotations: sortedAnnotations(article).map((a) => ({
      id: a.id,
      start: a.start,
      end: a.end,
      label: a.label,
      quote: a.quote,
      prefix: a.prefix,
      suffix: a.suffix,
      note: a.note,
      attributes: canonicalize(a.attributes) as Record<string, unknown>,
      annotator: person(a.annotator),
      gold: a.gold,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      ...(a.guidelineVersion !== undefined && { guidelineVersion: a.guidelineVersion }),
      // Review, gold provenance and comments only when there are any (see provenance.ts).
      ...(a.review && { review: { decision: a.review.decision, reason: a.review.reason, reviewer: person(a.review.reviewer), at: a.review.at } }),
      ...(a.goldFrom && { goldFrom: [...a.goldFrom] }),
      ...(a.comments && { comments: a.comments.map((c) => ({ id: c.id, author: person(c.author), body: c.body, createdAt: c.createdAt })) }),
    })),
  };
}

/** Lines are joined into chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

export async function* writeJsonl(articles: AsyncIterable<ExportArticle>, options: ExportOptions): AsyncGenerator<string> {
  let chunk = "";
  for await (const article of articles) {
    chunk += `${stringifyJson(jsonlRecord(checkedArticle(article), options))}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

export type JsonlReadResult = { ok: true; line: number; article: ExportArticle } | { ok: false; line: number; error: string };

/**
 * Parses and validates each line on its own, so one bad line is reported
 * (with its number and reason) without losing the rest. Blank lines are skipped.
 */
export async function* readJsonl(input: TextInput): AsyncGenerator<JsonlReadResult> {
  for await (const { line, json, error } of jsonLines(input)) {
    if (error !== undefined) {
      yield { ok: false, line, error };
      continue;
    }
    const parsed = ExportArticleSchema.safeParse(json);
    yield parsed.success ? { ok: true, line, article: parsed.data } : { ok: false, line, error: describeIssues(parsed.error) };
  }
}
