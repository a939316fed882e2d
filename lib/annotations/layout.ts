// How annotated text is laid out on screen: paragraphs and, inside each, the
// runs of text covered by the same set of annotations. All offsets are code
// points into the body; `text` fields are ordinary (UTF-16) strings to render.

export type Paragraph = { index: number; start: number; end: number; text: string };
export type Span = { id: string; start: number; end: number };
export type Segment = { start: number; end: number; text: string; ids: string[] };

export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || text.charCodeAt(i - 1) < 0xd800 || text.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
}

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
export function spansByParagraph<S extends Span>(paragraphs: Paragraph[], spans: S[]): Map<number, S[]> {
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

/** Runs of the paragraph with the ids of the spans covering each, in span order (outer first). */
export function segmentParagraph(paragraph: Paragraph, spans: Span[]): Segment[] {
  if (spans.length === 0) return [{ start: paragraph.start, end: paragraph.end, text: paragraph.text, ids: [] }];
  const cuts = new Set([paragraph.start, paragraph.end]);
  for (const s of spans) {
    if (s.start > paragraph.start && s.start < paragraph.end) cuts.add(s.start);
    if (s.end > paragraph.start && s.end < paragraph.end) cuts.add(s.end);
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const chars = Array.from(paragraph.text);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sortedCuts.length; i++) {
    const start = sortedCuts[i]!;
    const end = sortedCuts[i + 1]!;
    const ids = ordered.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    segments.push({ start, end, ids, text: chars.slice(start - paragraph.start, end - paragraph.start).join("") });
  }
  return segments;
}

/**
 * A stable underline lane per span, so nested and overlapping spans draw at
 * different depths: greedy interval colouring (outer spans take lower lanes).
 */
export function assignLanes(spans: Span[]): Map<string, number> {
  const lanes = new Map<string, number>();
  const laneEnds: number[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1))) {
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) lane = laneEnds.push(s.end) - 1;
    else laneEnds[lane] = s.end;
    lanes.set(s.id, lane);
  }
  return lanes;
}
