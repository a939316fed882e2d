// CoNLL-style token/tag columns: one token per line, then one IOB2 column per
// label — `token<TAB>claim<TAB>attribution<TAB>loaded_language<TAB>unverified`
// with values B-<label>, I-<label> or O — a blank line after each sentence and
// a `-DOCSTART-` line (with O in every column, as in CoNLL-2003) per article.
//
// IOB2, not the IOB1 of CoNLL-2003: every chunk starts with B-, even when the
// previous token is O. One column per label because spans of different labels
// overlap (a loaded word inside a claim); within one column a token can carry
// only one tag, so overlapping or nested spans of the same label are MERGED
// into one chunk (their union) — nothing tagged is lost, but two touching
// spans that share a token become one. Spans that do not share a token stay
// separate chunks (B- again). A span covers every token it overlaps, even
// partly; a span covering only whitespace covers no token and disappears.
// Sentences (tokenize.ts) never end at "Mr." or "U.S.", and sentences that a
// span crosses are joined into one, so a chunk never straddles a blank line.
//
// Tokens need the text, so an annotations-only export is refused.
import { checkedArticle, FormatError, type ExportArticle, type ExportOptions } from "./model";
import { sentences, type Token } from "./tokenize";

export const DEFAULT_CONLL_LABELS = ["claim", "attribution", "loaded_language", "unverified"] as const;
export type ConllOptions = ExportOptions;

/** Index of the first token ending after `offset` (tokens are in text order). */
function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((tokens[mid]?.end ?? Infinity) <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** IOB2 tags of one label over all tokens; sentenceStarts marks where a chunk must restart. */
function iob2Column(tokens: readonly Token[], sentenceStarts: ReadonlySet<number>, spans: readonly { start: number; end: number }[], label: string): string[] {
  const ranges: [number, number][] = [];
  for (const span of spans) {
    const first = firstTokenEndingAfter(tokens, span.start);
    let last = first - 1;
    while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? Infinity) < span.end) last++;
    if (last >= first) ranges.push([first, last]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const tags: string[] = tokens.map(() => "O");
  let chunkEnd = -1; // last token of the chunk being built; merged ranges extend it
  for (const [first, last] of ranges) {
    for (let i = Math.max(first, chunkEnd + 1); i <= last; i++) {
      tags[i] = i === first && first > chunkEnd ? `B-${label}` : sentenceStarts.has(i) ? `B-${label}` : `I-${label}`;
    }
    chunkEnd = Math.max(chunkEnd, last);
  }
  return tags;
}

/** Joins consecutive sentences wherever a span covers tokens on both sides of their boundary. */
export function sentencesKeepingSpans(sentenceList: readonly Token[][], spans: readonly { start: number; end: number }[]): Token[][] {
  const tokens = sentenceList.flat();
  const sentenceOf: number[] = [];
  sentenceList.forEach((sentence, s) => sentence.forEach(() => sentenceOf.push(s)));
  // joins[s] > 0: sentence s continues into s + 1 (a difference array, so many long spans stay linear).
  const joins = new Array<number>(sentenceList.length + 1).fill(0);
  for (const span of spans) {
    const first = firstTokenEndingAfter(tokens, span.start);
    const lastIndex = lastTokenStartingBefore(tokens, span.end);
    if (first >= tokens.length || lastIndex < first) continue;
    const from = sentenceOf[first] ?? 0;
    const to = sentenceOf[lastIndex] ?? 0;
    if (to > from) {
      joins[from]! += 1;
      joins[to]! -= 1;
    }
  }
  const result: Token[][] = [];
  let open = 0;
  let current: Token[] = [];
  sentenceList.forEach((sentence, s) => {
    current.push(...sentence);
    open += joins[s] ?? 0;
    if (open === 0) {
      result.push(current);
      current = [];
    }
  });
  if (current.length) result.push(current);
  return result;
}

/** Index of the last token starting before `offset`, or -1. */
function lastTokenStartingBefore(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((tokens[mid]?.start ?? Infinity) < offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

function checkedForConll(article: ExportArticle, labels: readonly string[]): string {
  if (article.text === null) throw new FormatError(`CoNLL needs the article text to tokenize it, and article ${article.id} has none`);
  const unknown = article.annotations.find((a) => !labels.includes(a.label));
  if (unknown) throw new FormatError(`article ${article.id}: label "${unknown.label}" has no CoNLL column (columns: ${labels.join(", ")})`);
  return article.text;
}

/** `textSentences`: the tokenizer's sentences of the article's text, when computed elsewhere (they are the costly part). */
export function conllDocument(article: ExportArticle, labels: readonly string[], textSentences?: Token[][]): string {
  const text = checkedForConll(article, labels);
  const sentenceList = sentencesKeepingSpans(textSentences ?? sentences(text), article.annotations);
  const tokens = sentenceList.flat();
  const sentenceStarts = new Set<number>();
  sentenceList.reduce((start, s) => (sentenceStarts.add(start), start + s.length), 0);
  const columns = labels.map((label) => iob2Column(tokens, sentenceStarts, article.annotations.filter((a) => a.label === label), label));

  const lines = [["-DOCSTART-", ...labels.map(() => "O")].join("\t"), ""];
  let index = 0;
  for (const sentence of sentenceList) {
    for (const token of sentence) {
      lines.push([token.text, ...columns.map((column) => column[index])].join("\t"));
      index++;
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

export async function* writeConll(articles: AsyncIterable<ExportArticle>, options: ConllOptions): AsyncGenerator<string> {
  if (options.annotationsOnly) throw new FormatError("CoNLL cannot be exported without article text: tokens and tags are derived from it");
  const labels = options.labels ?? DEFAULT_CONLL_LABELS;
  for await (const item of articles) {
    const article = checkedArticle(item);
    yield conllDocument(article, labels, options.sentences ? await options.sentences(checkedForConll(article, labels)) : undefined);
  }
}
