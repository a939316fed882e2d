// Test data shared by the format tests: a realistic paragraph with everything
// that breaks naive offset code — skin-toned and ZWJ emoji, a combining mark,
// Arabic (RTL), CJK, a span across a paragraph break, nested and overlapping
// spans, notes with tabs, newlines, quotes and commas.
import { spanContext } from "../../spans/context";
import { codePointLength, CodePointIndex } from "../../spans/offsets";
import type { ExportAnnotation, ExportArticle, ExportOptions } from "../model";

export const ARTICLE_TEXT = [
  "Supporters of the so-called Turkish-backed National Army took to the streets on Friday 👍🏽 in Azaz, Al-Bab and Afrin, reportedly chanting against the regime.",
  "",
  "A family 👨‍👩‍👧 was seen waving flags; one sign read «لا للمصالحة» (“no to reconciliation”), activists said. Mekdad (M\u0332ekdad in one transliteration) did not comment.",
  "",
  "A post called it 抗议活动 — café owners agreed? Some say yes! Others disagree.",
].join("\n");

const indexed = new CodePointIndex(ARTICLE_TEXT);

/** Where `quote` occurs in the article, in code points — computed, so the fixture cannot drift from the text. */
export function locate(quote: string, occurrence = 0, text = ARTICLE_TEXT): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`fixture: ${JSON.stringify(quote)} not found`);
  }
  const start = codePointLength(text.slice(0, at));
  return { start, end: start + codePointLength(quote) };
}

const ANALYST = { id: "user-analyst-1", name: "Analyst One" };
const REVIEWER = { id: "user-reviewer", name: "Rév. Iewer" };

type Spec = { id: string; label: string; quote: string; occurrence?: number; note?: string | null; attributes?: Record<string, unknown>; by?: typeof ANALYST; gold?: boolean };

export function annotation(spec: Spec): ExportAnnotation {
  const { start, end } = locate(spec.quote, spec.occurrence);
  return {
    id: spec.id,
    start,
    end,
    label: spec.label,
    quote: spec.quote,
    prefix: spanContext(indexed, start, end).prefix,
    suffix: spanContext(indexed, start, end).suffix,
    note: spec.note ?? null,
    attributes: spec.attributes ?? {},
    annotator: spec.by ?? ANALYST,
    gold: spec.gold ?? false,
    createdAt: "2024-03-01T10:15:00.000Z",
    updatedAt: "2024-03-02T08:00:00.000Z",
  };
}

// Deliberately not in export order: the writers must sort.
export const ANNOTATIONS: ExportAnnotation[] = [
  annotation({ id: "a-07", label: "claim", quote: "the regime.\n\nA family", note: "Crosses the paragraph break on purpose." }),
  annotation({ id: "a-01", label: "loaded_language", quote: "so-called", note: "Scare qualifier,\t\"so-called\"\nsecond line", attributes: { z: 1, a: { d: [1, 2], b: null } } }),
  annotation({ id: "a-02", label: "claim", quote: "Supporters of the so-called Turkish-backed National Army took to the streets on Friday 👍🏽 in Azaz" }),
  annotation({ id: "a-03", label: "unverified", quote: "reportedly chanting against the regime" }),
  annotation({ id: "a-04", label: "loaded_language", quote: "regime", note: "" }),
  annotation({ id: "a-05", label: "claim", quote: "A family 👨‍👩‍👧 was seen waving flags", by: REVIEWER, gold: true }),
  annotation({ id: "a-06", label: "attribution", quote: "activists said", attributes: { cited: "anonymous", count: 2 } }),
  annotation({ id: "a-08", label: "unverified", quote: "لا للمصالحة", note: "Arabic: “no to reconciliation”" }),
  annotation({ id: "a-09", label: "claim", quote: "抗议活动", by: REVIEWER }),
  annotation({ id: "a-10", label: "attribution", quote: "M\u0332ekdad" }),
  annotation({ id: "a-11", label: "attribution", quote: "Some say", by: REVIEWER, gold: true }),
  // Same range as a-11, different label: ordered after it by label.
  annotation({ id: "a-12", label: "unverified", quote: "Some say" }),
];

export const ARTICLE: ExportArticle = {
  id: "art-0001",
  title: "Supporters of armed groups attack Turkish checkpoints in Idlib, Aleppo",
  source: { id: "src-mayadeen", name: "Al Mayadeen English", slug: "al-mayadeen-english" },
  byline: "Al Mayadeen English",
  url: "https://english.almayadeen.net/news/politics/supporters-of-armed-groups",
  publishedAt: "2021-08-12",
  text: ARTICLE_TEXT,
  contentHash: "3f1c0e5a9b7d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e",
  annotations: ANNOTATIONS,
};

/** An article nobody has annotated yet, with nulls wherever the model allows them. */
export const EMPTY_ARTICLE: ExportArticle = {
  id: "art-0002",
  title: "Has Damascus’ Time To Recapture Northern Syria Finally Arrived?",
  source: { id: "src-southfront", name: "South Front", slug: "south-front" },
  byline: null,
  url: null,
  publishedAt: null,
  text: "Chaos is brewing in the Aleppo countryside.",
  contentHash: "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d",
  annotations: [],
};

export const OPTIONS: ExportOptions = { annotationsOnly: false, baseUrl: "https://slant.example.org/", basis: "all analysts" };
export const ANNOTATIONS_ONLY: ExportOptions = { ...OPTIONS, annotationsOnly: true };

export async function* streamOf<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

export async function collectText(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of chunks) text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

export async function collectBytes(chunks: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
