// Tokens and sentences for the CoNLL export. Deliberately simple and
// predictable (researchers re-tokenize anyway); what matters is that every
// token carries exact code point offsets so spans can be projected onto it.
//
// Works on grapheme clusters (Intl.Segmenter, in bounded pieces: see
// lib/spans/pieces.ts), not code points, so that 👍🏽, 👨‍👩‍👧 or a letter with a
// combining mark are never cut in half.
//  - whitespace separates tokens;
//  - each punctuation or symbol grapheme (\p{P}, \p{S}; emoji are symbols) is its own token;
//  - each Han, Hiragana or Katakana character is its own token, since CJK text has no spaces
//    (as BERT's basic tokenizer does);
//  - sentences are split by ./sentences.ts.

import { segmentInPieces } from "../spans/pieces";
import { splitSentences, type Gap } from "./sentences";

export type Token = { text: string; start: number; end: number };

const PUNCTUATION_OR_SYMBOL = /^[\p{P}\p{S}]/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WHITESPACE = /^\s/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Tokens in text order, each with what separates it from the token before. */
export function tokenize(text: string): { tokens: Token[]; gaps: Gap[] } {
  const tokens: Token[] = [];
  const gaps: Gap[] = [];
  let word: Token | null = null;
  let gap = "newline" as Gap; // the first token starts a line
  let offset = 0;

  const push = (token: Token) => {
    tokens.push(token);
    gaps.push(gap);
    gap = "none";
  };
  const endWord = () => {
    if (word) push(word);
    word = null;
  };

  for (const { segment } of segmentInPieces(text, graphemes)) {
    const start = offset;
    offset += Array.from(segment).length;
    if (WHITESPACE.test(segment)) {
      endWord();
      if (segment.includes("\n")) gap = "newline";
      else if (gap === "none") gap = "space";
      continue;
    }
    if (PUNCTUATION_OR_SYMBOL.test(segment) || CJK.test(segment)) {
      endWord();
      push({ text: segment, start, end: offset });
      continue;
    }
    if (word) {
      word.text += segment;
      word.end = offset;
    } else word = { text: segment, start, end: offset };
  }
  endWord();
  return { tokens, gaps };
}

export function sentences(text: string): Token[][] {
  const { tokens, gaps } = tokenize(text);
  return splitSentences(tokens, gaps);
}
