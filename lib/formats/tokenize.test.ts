import { describe, expect, it } from "vitest";
import { sentences, type Token } from "./tokenize";

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

describe("sentences on long texts", () => {
  // Node 20's Intl.Segmenter takes minutes on one string over 65,536 UTF-16 units with any
  // character above U+00FF; segmenting bounded pieces keeps it linear. Without that this hangs.
  it("tokenizes a 70,000-unit paragraph with one curly apostrophe, exactly as piece by piece", { timeout: 20_000 }, () => {
    const head = "The minister’s claim was ";
    const repeated = "false and ";
    const copies = Math.ceil((70_000 - head.length) / repeated.length);
    const text = `${head}${repeated.repeat(copies)}wrong.`;
    expect(text.length).toBeGreaterThan(70_000);

    const expected: Token[] = [
      { text: "The", start: 0, end: 3 },
      { text: "minister", start: 4, end: 12 },
      { text: "’", start: 12, end: 13 },
      { text: "s", start: 13, end: 14 },
      { text: "claim", start: 15, end: 20 },
      { text: "was", start: 21, end: 24 },
    ];
    for (let i = 0; i < copies; i++) {
      const at = head.length + i * repeated.length;
      expected.push({ text: "false", start: at, end: at + 5 }, { text: "and", start: at + 6, end: at + 9 });
    }
    const tail = head.length + copies * repeated.length;
    expected.push({ text: "wrong", start: tail, end: tail + 5 }, { text: ".", start: tail + 5, end: tail + 6 });

    expect(sentences(text)).toEqual([expected]);
  });

  it("carries offsets across paragraphs and across cuts inside a huge paragraph", { timeout: 20_000 }, () => {
    const paragraph = "Mr. Ortiz’s “so-called” 👍🏽 reform, e.g. the U.S. plan, failed. ";
    const text = `${paragraph.repeat(800)}\n${"称之为抗议活动".repeat(3000)}`;
    const chars = Array.from(text);
    const tokens = sentences(text).flat();
    for (const token of tokens) expect(chars.slice(token.start, token.end).join("")).toBe(token.text);
    expect(tokens.filter((t) => t.text === "👍🏽")).toHaveLength(800);
    expect(tokens.at(-1)).toEqual({ text: "动", start: chars.length - 1, end: chars.length });
  });
});

describe("sentence ends in news prose", () => {
  it.each([
    ["titles", "Mr. Smith met Mrs. Jones and Dr. Lee. They spoke.", ["Mr. Smith met Mrs. Jones and Dr. Lee.", "They spoke."]],
    ["dotted initialisms", "The U.S. Senate passed H.R. 1234 on Friday. It now goes on.", ["The U.S. Senate passed H.R. 1234 on Friday.", "It now goes on."]],
    ["initials", "J. K. Rowling wrote it. So did A. A. Milne.", ["J. K. Rowling wrote it.", "So did A. A. Milne."]],
    ["e.g. and i.e.", "Some outlets, e.g. Fox, agreed, i.e. Fox and CNN. Others not.", ["Some outlets, e.g. Fox, agreed, i.e. Fox and CNN.", "Others not."]],
    ["months and numbers", "On Jan. 5 it met at No. 10 Downing St. Reporters waited.", ["On Jan. 5 it met at No. 10 Downing St. Reporters waited."]],
    ["saints and senators", "Sen. Warren visited St. Louis. Gov. Parson did not.", ["Sen. Warren visited St. Louis.", "Gov. Parson did not."]],
    ["a company abbreviation ends a sentence before a capital", "He joined Acme Inc. The firm grew.", ["He joined Acme Inc.", "The firm grew."]],
    ["an initialism ends one before a sentence opener", "Prices rose in the U.S. The Fed met.", ["Prices rose in the U.S.", "The Fed met."]],
    ["a quoted question followed by lower case", "“Why now?” he asked. Nobody knew.", ["“Why now?” he asked.", "Nobody knew."]],
    ["parenthesised title", "The bill (sponsored by Rep. Ocasio-Cortez) failed.", ["The bill (sponsored by Rep. Ocasio-Cortez) failed."]],
  ])("%s", (_, text, expected) => {
    expect(sentences(text).map((s) => text.slice(s[0]!.start, s.at(-1)!.end))).toEqual(expected);
  });
});
