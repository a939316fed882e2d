// ExportArticleSchema's checks in plain JavaScript, for the writers' common
// case: zod took a fifth of a million-annotation export to accept articles
// the database had just produced. Accepting here must imply that the schema
// accepts (well-formed.test.ts checks that on generated articles); anything
// rejected goes on to the schema, which reports why.
import { z } from "zod";
import { CodePointIndex, codePointLength } from "../spans/offsets";
import { PROVENANCE_KEYS, ProvenanceFields } from "./provenance";

// The patterns behind z.iso.datetime({ offset: true }) and z.iso.date() in model.ts.
const DATETIME = z.regexes.datetime({ offset: true, local: false, precision: null });
const DATE = z.regexes.date;
// The pattern behind z.email() in provenance.ts.
const EMAIL = z.regexes.email;

const ARTICLE_KEYS = 9;
const ANNOTATION_KEYS = 13;

// Plain objects only: zod's strict objects refuse inherited enumerable keys, its records anything but plain objects.
const isPlain = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};
const hasKeys = (value: Record<string, unknown>, count: number) => Object.keys(value).length === count;
const isString = (value: unknown): value is string => typeof value === "string";
const isNonEmpty = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isNullableString = (value: unknown) => value === null || typeof value === "string";
const isOffset = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isTimestamp = (value: unknown) => typeof value === "string" && DATETIME.test(value);
// "__proto__" would be dropped by zod's copy of the record; leave such records to the schema.
const isAttributes = (value: unknown) => isPlain(value) && !Object.hasOwn(value, "__proto__") && Object.getOwnPropertySymbols(value).length === 0;

// The optional review/gold/comment fields are rare enough to check with their zod schemas.
const provenanceKeysOf = (a: Record<string, unknown>) => PROVENANCE_KEYS.filter((key) => Object.hasOwn(a, key));
const isWellFormedProvenance = (a: Record<string, unknown>, keys: readonly (keyof typeof ProvenanceFields)[]) =>
  keys.every((key) => a[key] !== undefined && ProvenanceFields[key].safeParse(a[key]).success);

function isWellFormedPerson(p: unknown): boolean {
  if (!isPlain(p) || !isNonEmpty(p.id) || !isString(p.name)) return false;
  return Object.hasOwn(p, "email") ? hasKeys(p, 3) && isString(p.email) && EMAIL.test(p.email) : hasKeys(p, 2);
}

function isWellFormedAnnotation(a: unknown, text: CodePointIndex | null): boolean {
  if (!isPlain(a)) return false;
  const extra = provenanceKeysOf(a);
  if (!hasKeys(a, ANNOTATION_KEYS + extra.length) || (extra.length > 0 && !isWellFormedProvenance(a, extra))) return false;
  const { id, start, end, label, quote, prefix, suffix, note, attributes, annotator, gold, createdAt, updatedAt } = a;
  if (!isNonEmpty(id) || !isOffset(start) || !isOffset(end) || !isNonEmpty(label) || !isNonEmpty(quote)) return false;
  if (!isString(prefix) || !isString(suffix) || !isNullableString(note) || !isAttributes(attributes)) return false;
  if (!isWellFormedPerson(annotator)) return false;
  if (typeof gold !== "boolean" || !isTimestamp(createdAt) || !isTimestamp(updatedAt)) return false;
  if (end <= start || codePointLength(quote) !== end - start) return false;
  return text === null || (end <= text.length && text.slice(start, end) === quote);
}

/** True only if ExportArticleSchema accepts `value` (and would hand back an equal article). */
export function isWellFormedArticle(value: unknown): boolean {
  if (!isPlain(value) || !hasKeys(value, ARTICLE_KEYS)) return false;
  const { id, title, source, byline, url, publishedAt, text, contentHash, annotations } = value;
  if (!isNonEmpty(id) || !isString(title) || !isNullableString(byline) || !isNullableString(url) || !isNullableString(text) || !isString(contentHash)) return false;
  if (!isPlain(source) || !hasKeys(source, 3) || !isNonEmpty(source.id) || !isString(source.name) || !isString(source.slug)) return false;
  if (publishedAt !== null && !(typeof publishedAt === "string" && (DATE.test(publishedAt) || DATETIME.test(publishedAt)))) return false;
  if (!Array.isArray(annotations)) return false;
  const indexed = text === null ? null : new CodePointIndex(text as string);
  for (const a of annotations) if (!isWellFormedAnnotation(a, indexed)) return false;
  return true;
}
