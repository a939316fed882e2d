// JSONL for import: Slant's own export, or what a person writes by hand
// (`{"title", "source", "text", "annotations": [{"start", "end", "label", "quote"}]}`).
// Each line is read on its own and each annotation on its own, so one bad
// annotation is reported (line and position) without losing its article or
// the rest of the file. Fields this reader does not know are ignored.
import { z } from "zod";
import { readAnnotation, type AnnotationReadResult } from "./annotation.read";
import { CodePointIndex } from "../spans/offsets";
import { readableIssue } from "./issues";
import { jsonLines, type TextInput } from "./lines";

export type SourceRead = { id: string | null; name: unknown; slug: string | null };

/** Article fields are handed on unchecked (the importer applies the same rules as the article form). */
export type JsonlArticleRead = {
  id: string | null;
  title: unknown;
  source: SourceRead;
  byline: unknown;
  url: unknown;
  publishedAt: unknown;
  text: string | null;
  contentHash: string | null;
  annotations: AnnotationReadResult[];
};

export type JsonlLineRead = { ok: true; line: number; article: JsonlArticleRead } | { ok: false; line: number; error: string };

const nullableText = z.string().nullish().transform((v) => v ?? null);
const Source = z.union([
  z.string().transform((name): SourceRead => ({ id: null, name, slug: null })),
  z.looseObject({ id: nullableText, name: z.unknown().optional(), slug: nullableText }).transform((s): SourceRead => ({ id: s.id, name: s.name, slug: s.slug })),
]);
const Line = z.looseObject({
  id: nullableText,
  title: z.unknown().optional(),
  source: Source.nullish(),
  byline: z.unknown().optional(),
  url: z.unknown().optional(),
  publishedAt: z.unknown().optional(),
  text: nullableText,
  contentHash: nullableText,
  annotations: z.array(z.unknown()).nullish(),
});

export function readJsonlLine(json: unknown): JsonlArticleRead | string {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "each line must be a JSON object (one article)";
  const parsed = Line.safeParse(json);
  if (!parsed.success) return readableIssue(parsed.error);
  const a = parsed.data;
  const text = a.text === null ? null : new CodePointIndex(a.text);
  return {
    id: a.id,
    title: a.title,
    source: a.source ?? { id: null, name: undefined, slug: null },
    byline: a.byline,
    url: a.url,
    publishedAt: a.publishedAt,
    text: a.text,
    contentHash: a.contentHash,
    annotations: (a.annotations ?? []).map((annotation) => readAnnotation(annotation, text)),
  };
}

/** Blank lines are skipped; line numbers are the file's. */
export async function* readJsonlForImport(input: TextInput): AsyncGenerator<JsonlLineRead> {
  for await (const { line, json, error } of jsonLines(input)) {
    if (error !== undefined) {
      yield { ok: false, line, error };
      continue;
    }
    const article = readJsonlLine(json);
    yield typeof article === "string" ? { ok: false, line, error: article } : { ok: true, line, article };
  }
}
