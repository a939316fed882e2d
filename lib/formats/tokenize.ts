// Tokens and sentences for the CoNLL export. Deliberately simple and
// predictable (researchers re-tokenize anyway); what matters is that every
// token carries exact code point offsets so spans can be projected onto it.
//
// Works on grapheme clusters (Intl.Segmenter), not code points, so that 👍🏽,
// 👨‍👩‍👧 or a letter with a combining mark are never cut in half.
//  - whitespace separates tokens;
//  - each punctuation or symbol grapheme (\p{P}, \p{S}; emoji are symbols) is its own token;
//  - each Han, Hiragana or Katakana character is its own token, since CJK text has no spaces
//    (as BERT's basic tokenizer does);
//  - a sentence ends at a newline, and after . ! ? (optionally followed by closing quotes or
//    brackets) when whitespace or the end of the text follows; 。！？ end a sentence at once.

export type Token = { text: string; start: number; end: number };

const PUNCTUATION_OR_SYMBOL = /^[\p{P}\p{S}]/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SENTENCE_END = /^[.!?]$/u;
const CJK_SENTENCE_END = /^[。！？]$/u;
const CLOSING = /^[\p{Pe}\p{Pf}"'»]$/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function sentences(text: string): Token[][] {
  const result: Token[][] = [];
  let sentence: Token[] = [];
  let word: Token | null = null;
  let pendingEnd = false; // saw . ! ? and only closing marks since
  let offset = 0;

  const endWord = () => {
    if (word) sentence.push(word);
    word = null;
  };
  const endSentence = () => {
    endWord();
    if (sentence.length) result.push(sentence);
    sentence = [];
    pendingEnd = false;
  };

  for (const { segment } of graphemes.segment(text)) {
    const start = offset;
    offset += Array.from(segment).length;
    if (/^\s/u.test(segment)) {
      if (pendingEnd || segment.includes("\n")) endSentence();
      else endWord();
      continue;
    }
    if (PUNCTUATION_OR_SYMBOL.test(segment) || CJK.test(segment)) {
      endWord();
      sentence.push({ text: segment, start, end: offset });
      if (CJK_SENTENCE_END.test(segment)) endSentence();
      else pendingEnd = SENTENCE_END.test(segment) || (pendingEnd && CLOSING.test(segment));
      continue;
    }
    pendingEnd = false;
    if (word) {
      word.text += segment;
      word.end = offset;
    } else word = { text: segment, start, end: offset };
  }
  endSentence();
  return result;
}
