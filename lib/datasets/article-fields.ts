import { fieldName, readableIssue } from "../formats/issues";
import { CreateArticleInput } from "../schemas/article";
import { rejectedRow, type AnnotationEntry, type ImportedArticle, type ImportRecord } from "./import-records";
import type { z } from "zod";

type ArticleFields = {
  title: unknown;
  source: { name: unknown; id?: string | null; slug?: string | null };
  text: unknown;
  byline?: unknown;
  url?: unknown;
  publishedAt?: unknown;
  id?: string | null;
};

/** Certainly refused by CreateArticleInput: title, source and body are required and trimmed. */
const isBlank = (value: unknown) => typeof value !== "string" || value.trim() === "";
const blankAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : (value ?? null));

/** The form's field names as the file calls them ("body" is "text" in JSONL). */
function fileFieldName(path: readonly PropertyKey[], bodyField: string): string {
  const name = fieldName(path);
  return name === "source.name" ? "source" : name === "body" ? bodyField : name;
}

function reasonOf(error: z.ZodError, bodyField: string): string {
  const [issue] = error.issues;
  const reason = readableIssue(error);
  const field = fieldName(issue?.path ?? []);
  return reason.startsWith(field) ? fileFieldName(issue?.path ?? [], bodyField) + reason.slice(field.length) : reason;
}

/**
 * The same rules as POST /api/articles (CreateArticleInput), so an imported
 * article could have been typed in; a violation rejects the row with one reason.
 */
export function articleRecord(line: number, fields: ArticleFields, annotations: AnnotationEntry[] = [], bodyField = "text"): ImportRecord {
  const parse = () =>
    CreateArticleInput.safeParse({
      source: { name: fields.source.name },
      title: fields.title,
      body: fields.text,
      byline: blankAsNull(fields.byline),
      url: blankAsNull(fields.url),
      publishedAt: blankAsNull(fields.publishedAt),
    });
  // A failing parse allocates several times what a passing one does, and a file of rows with an empty
  // column is the common systematic mistake: such a row is refused before zod runs, in zod's words when listed.
  if (isBlank(fields.title) || isBlank(fields.source.name) || isBlank(fields.text)) return rejectedRow(line, () => reasonOf(parse().error!, bodyField));
  const parsed = parse();
  if (!parsed.success) return rejectedRow(line, () => reasonOf(parsed.error, bodyField));
  const input = parsed.data;
  const article: ImportedArticle = {
    id: fields.id ?? null,
    title: input.title,
    source: { name: "name" in input.source ? input.source.name : "", id: fields.source.id ?? null, slug: fields.source.slug ?? null },
    byline: input.byline ?? null,
    url: input.url ?? null,
    publishedAt: input.publishedAt ?? null,
    text: input.body,
    annotations,
  };
  return { ok: true, line, kind: "article", article };
}
