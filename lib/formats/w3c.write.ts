// W3C Web Annotation Data Model (JSON-LD): one AnnotationCollection whose
// embedded first AnnotationPage holds every annotation — the shape of the
// model's own collection example (§5), and one the W3C test suite's
// collection and page assertions accept. A collection cannot carry `items`
// itself (§5.1: only pages have items).
//
// Streaming means the total is unknown until the end, so "total" is written
// after "first"; JSON object members are unordered, so this is still valid.
// Each item repeats "@context": redundant inside the collection, but every
// annotation then stands alone as a valid Web Annotation (the suite's MUST
// 3.1 requires it of a single annotation).
//
// Bodies: the label (purpose "tagging"), the note ("commenting"), and one
// "describing" TextualBody per attribute (speaker, kind, connotation…), so an
// export keeps everything an analyst recorded. The attribute's key is in
// "slant:attribute" (a compact IRI that JSON-LD keeps as is; a body "id" would
// make it an External Web Resource, which may not have a purpose, model §3.3.5);
// a string value is the body's text/plain value, any other value its canonical
// JSON (format application/json).
//
// TextPositionSelector start/end are code points (model §4.2.5), exactly
// Slant's offsets. There is never article text in this format, so
// annotationsOnly changes nothing: the target source is the article's IRI.
import { canonicalize, stringifyJson } from "./canonical-json";
import { checkedArticle, normalizeBaseUrl, sortedAnnotations, type ExportAnnotation, type ExportArticle, type ExportOptions } from "./model";

export const W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** IRIs Slant mints for its resources; the reader inverts them. */
export function w3cIris(baseUrl: string) {
  const base = normalizeBaseUrl(baseUrl);
  return {
    collection: `${base}/annotations`,
    firstPage: `${base}/annotations?page=0`,
    annotation: (id: string) => `${base}/annotations/${encodeURIComponent(id)}`,
    article: (id: string) => `${base}/articles/${encodeURIComponent(id)}`,
    user: (id: string) => `${base}/users/${encodeURIComponent(id)}`,
  };
}
type Iris = ReturnType<typeof w3cIris>;

export function w3cAnnotation(article: ExportArticle, a: ExportAnnotation, iris: Iris): Record<string, unknown> {
  const body: Record<string, unknown>[] = [{ type: "TextualBody", value: a.label, purpose: "tagging" }];
  if (a.note !== null) body.push({ type: "TextualBody", value: a.note, purpose: "commenting" });
  for (const [key, value] of Object.entries(canonicalize(a.attributes) as Record<string, unknown>)) {
    const text = typeof value === "string";
    body.push({
      type: "TextualBody",
      purpose: "describing",
      "slant:attribute": key,
      value: text ? value : JSON.stringify(value),
      format: text ? "text/plain" : "application/json",
    });
  }
  // prefix/suffix are optional in the model; empty ones (span at the start or end of the text) are left out.
  const quote: Record<string, unknown> = { type: "TextQuoteSelector", exact: a.quote };
  if (a.prefix) quote.prefix = a.prefix;
  if (a.suffix) quote.suffix = a.suffix;
  return {
    "@context": W3C_CONTEXT,
    id: iris.annotation(a.id),
    type: "Annotation",
    body,
    target: { source: iris.article(article.id), selector: [quote, { type: "TextPositionSelector", start: a.start, end: a.end }] },
    creator: { id: iris.user(a.annotator.id), type: "Person", name: a.annotator.name },
    created: a.createdAt,
    modified: a.updatedAt,
  };
}

export async function* writeW3c(articles: AsyncIterable<ExportArticle>, options: ExportOptions): AsyncGenerator<string> {
  const iris = w3cIris(options.baseUrl);
  const label = options.basis ? `Slant annotations (${options.basis})` : "Slant annotations";
  const head = { "@context": W3C_CONTEXT, id: iris.collection, type: "AnnotationCollection", label };
  const page = { id: iris.firstPage, type: "AnnotationPage", startIndex: 0 };
  // Hand-assembled around the items so that no more than one article is in memory at a time.
  yield `${stringifyJson(head).slice(0, -1)},"first":${stringifyJson(page).slice(0, -1)},"items":[`;
  let total = 0;
  for await (const input of articles) {
    const article = checkedArticle(input);
    for (const a of sortedAnnotations(article)) {
      yield `${total === 0 ? "\n" : ",\n"}${stringifyJson(w3cAnnotation(article, a, iris))}`;
      total++;
    }
  }
  yield `${total === 0 ? "" : "\n"}]},"total":${total}}\n`;
}
