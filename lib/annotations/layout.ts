// How annotated text is laid out on screen: paragraphs and, inside each, the
// runs of text covered by the same set of annotations. All offsets are code
// points into the body; `text` fields are ordinary (UTF-16) strings to render.

import { codePointLength, segmentText, type IdentifiedSpan } from "../spans";

export type Paragraph = { index: number; start: number; end: number; text: string };
export type Segment = { start: number; end: number; text: string; ids: string[] };

/** Paragraphs are separated by one blank line ("\n\n"), which belongs to no paragraph. */
export function layoutParagraphs(body: string): Paragraph[] {
  const result: Paragraph[] = [];
  let start = 0;
  body.split("\n\n").forEach((text, index) => {
    const end = start + codePointLength(text);
    result.push({ index, start, end, text });
    start = end + 2;
  });
  return result;
}

/** The spans touching each paragraph (a span across paragraphs appears in each). */
export function spansByParagraph<S extends IdentifiedSpan>(paragraphs: Paragraph[], spans: S[]): Map<number, S[]> {
  const byParagraph = new Map<number, S[]>();
  const starts = paragraphs.map((p) => p.start);
  for (const span of spans) {
    for (let i = Math.max(0, upperBound(starts, span.start) - 1); i < paragraphs.length; i++) {
      const p = paragraphs[i]!;
      if (p.start >= span.end) break;
      if (p.end <= span.start) continue;
      const list = byParagraph.get(p.index);
      if (list) list.push(span);
      else byParagraph.set(p.index, [span]);
    }
  }
  return byParagraph;
}

function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Runs of the paragraph with the ids of the spans covering each, in drawing order (outer first). */
export function segmentParagraph(paragraph: Paragraph, spans: IdentifiedSpan[]): Segment[] {
  if (spans.length === 0) return [{ start: paragraph.start, end: paragraph.end, text: paragraph.text, ids: [] }];
  const local = spans.map((s) => ({ id: s.id, start: s.start - paragraph.start, end: s.end - paragraph.start }));
  const chars = Array.from(paragraph.text);
  return segmentText(paragraph.end - paragraph.start, local).map((run) => ({
    start: run.start + paragraph.start,
    end: run.end + paragraph.start,
    ids: run.ids,
    text: chars.slice(run.start, run.end).join(""),
  }));
}
