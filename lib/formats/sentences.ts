// Sentence splitting over tokens (tokenize.ts). A sentence ends:
//  - at a newline;
//  - after 。！？;
//  - after . ! ? (optionally followed by closing quotes or brackets) when whitespace follows,
//    unless the next word starts with a lower-case letter ("“Why?” he asked"), or the "." ends
//    an abbreviation: a title ("Mr.", "Dr.", "St.", "Sen.", "e.g.", "i.e."…) never ends a
//    sentence; an initial or dotted initialism ("J. K.", "U.S.", "H.R.") does only before a
//    common sentence opener ("The", "He"…); a month or "No.", "Inc.", "Jr."… does only before a
//    capitalised word (not before a number: "Jan. 5", "No. 10").
// News prose is full of these; splitting at them cut one claim span in nine in a real dataset.
// The CoNLL writer also joins sentences so that no span crosses a boundary (conll.ts).

import type { Token } from "./tokenize";

/** What separates a token from the one before it. */
export type Gap = "none" | "space" | "newline";

const SENTENCE_END = /^[.!?]$/u;
const CJK_SENTENCE_END = /^[。！？]$/u;
const CLOSING = /^[\p{Pe}\p{Pf}"'»]$/u;
const OPENING = /^[\p{Ps}\p{Pi}"'«]$/u;
const PUNCTUATION = /^\p{P}$/u;
const LOWER_CASE_START = /^\p{Ll}/u;
const DIGIT_START = /^\p{N}/u;
const INITIALS = /^(?:\p{L}\.)*\p{L}$/u;

const words = (list: string) => new Set(list.split(" "));
/** Abbreviations that never end a sentence (compared in lower case, inner dots kept). */
const TITLES = words(
  "mr mrs ms messrs mmes dr prof st mt ft gen gov sen sens rep reps rev lt col capt cmdr cdr sgt maj adm hon pres supt insp atty det cpl pvt fr msgr e.g i.e cf viz vs approx ca",
);
/** Abbreviations that end a sentence only before a capitalised word. */
const BEFORE_CAPITAL = words("jan feb mar apr jun jul aug sep sept oct nov dec no nos inc corp co cos ltd llc jr sr etc fig figs vol vols pp p ave blvd rd dept est univ assn bros");
/** Words that open a sentence, so a preceding initialism ends one ("in the U.S. The …"). Never "A" or "I": they are initials too. */
const SENTENCE_OPENERS = words(
  "the an he she it they we you but and or in on at to for from by with this that these those his her their its our my your there here when while after before now so yet if as some many most what who why how where however meanwhile still then",
);

function text(tokens: readonly Token[], i: number): string {
  return tokens[i]?.text ?? "";
}

/** The word after the gap at `next`, past any opening quotes or brackets attached to it. */
function nextWord(tokens: readonly Token[], gaps: readonly Gap[], next: number): string {
  let k = next;
  while (k < tokens.length && OPENING.test(text(tokens, k)) && (k === next || gaps[k] === "none")) k++;
  return k < tokens.length && (k === next || gaps[k] === "none") ? text(tokens, k) : "";
}

/** The run of tokens written without spaces before the "." at `dot`, minus leading punctuation: "Mr", "U.S", "e.g". */
function wordBeforeDot(tokens: readonly Token[], gaps: readonly Gap[], dot: number): string {
  let start = dot;
  while (start > 0 && gaps[start] === "none") start--;
  while (start < dot && PUNCTUATION.test(text(tokens, start)) && text(tokens, start) !== ".") start++;
  return tokens
    .slice(start, dot)
    .map((t) => t.text)
    .join("");
}

/** Whether the terminator at `mark` (".", "!" or "?"), followed by whitespace and then token `next`, ends the sentence. */
function endsAt(tokens: readonly Token[], gaps: readonly Gap[], mark: number, next: number): boolean {
  const following = nextWord(tokens, gaps, next);
  if (LOWER_CASE_START.test(following)) return false;
  if (text(tokens, mark) !== ".") return true;
  const word = wordBeforeDot(tokens, gaps, mark);
  const key = word.toLowerCase();
  if (TITLES.has(key)) return false;
  if (BEFORE_CAPITAL.has(key)) return !DIGIT_START.test(following);
  if (INITIALS.test(word)) return !DIGIT_START.test(following) && SENTENCE_OPENERS.has(following.toLowerCase());
  return true;
}

/** Groups tokens (with the gap before each) into sentences. */
export function splitSentences(tokens: readonly Token[], gaps: readonly Gap[]): Token[][] {
  const result: Token[][] = [];
  let sentence: Token[] = [];
  tokens.forEach((token, i) => {
    sentence.push(token);
    const gapAfter = gaps[i + 1];
    let ends = gapAfter === undefined || gapAfter === "newline" || CJK_SENTENCE_END.test(token.text);
    if (!ends && gapAfter === "space") {
      let mark = i;
      while (mark > 0 && CLOSING.test(text(tokens, mark)) && gaps[mark] === "none") mark--;
      ends = SENTENCE_END.test(text(tokens, mark)) && endsAt(tokens, gaps, mark, i + 1);
    }
    if (ends) {
      result.push(sentence);
      sentence = [];
    }
  });
  return result;
}
