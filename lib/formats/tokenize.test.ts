import { describe, expect, it } from "vitest";
import { sentences } from "./tokenize";

const texts = (text: string) => sentences(text).map((s) => s.map((t) => t.text));

describe("sentences", () => {
  it.each([
    ["words and punctuation", "Hello, world.", [["Hello", ",", "world", "."]]],
    ["each punctuation char on its own", "so-called (al-Bab)", [["so", "-", "called", "(", "al", "-", "Bab", ")"]]],
    ["emoji stay whole, one token each", "Friday 👍🏽👨‍👩‍👧 in", [["Friday", "👍🏽", "👨‍👩‍👧", "in"]]],
    ["a combining mark stays with its letter", "M\u0332ekdad said", [["M\u0332ekdad", "said"]]],
    ["Arabic words and punctuation", "«لا للمصالحة»، قالوا", [["«", "لا", "للمصالحة", "»", "،", "قالوا"]]],
    ["CJK characters one by one", "称之为抗议活动。后来", [["称", "之", "为", "抗", "议", "活", "动", "。"], ["后", "来"]]],
    ["sentence ends at . ! ? before whitespace", "Yes! No? Maybe. Done", [["Yes", "!"], ["No", "?"], ["Maybe", "."], ["Done"]]],
    ["but not inside a token run", "3.5 and e.g.x", [["3", ".", "5", "and", "e", ".", "g", ".", "x"]]],
    ["closing quotes stay with the sentence", "He said “no.” Then", [["He", "said", "“", "no", ".", "”"], ["Then"]]],
    ["newlines end sentences; blank lines add nothing", "one\n\ntwo\nthree", [["one"], ["two"], ["three"]]],
    ["empty text", "  \n ", []],
  ])("%s", (_, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it("gives code point offsets: Array.from(text).slice(start, end) is the token", () => {
    const text = "A 👨‍👩‍👧 family, M\u0332ekdad: 抗议 «لا»!";
    const chars = Array.from(text);
    for (const token of sentences(text).flat()) expect(chars.slice(token.start, token.end).join("")).toBe(token.text);
    expect(sentences(text)[0]![1]).toEqual({ text: "👨‍👩‍👧", start: 2, end: 7 });
  });
});
