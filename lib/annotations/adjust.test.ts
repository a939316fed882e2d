import { describe, expect, it } from "vitest";
import { keepClustersWhole, moveEdgeByWord, snapToWords, trimWhitespace } from "./adjust";

const text = "Supporters of the so-called Turkish-backed army 👍🏽 left.";
const chars = Array.from(text);
const at = (needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;
const quote = (r: { start: number; end: number } | null) => (r ? chars.slice(r.start, r.end).join("") : null);

describe("trimWhitespace", () => {
  it.each([
    [" so-called ", "so-called"],
    ["\u00a0the\u00a0", "the"],
    ["   ", null],
  ])("%j → %j", (selected, expected) => {
    const body = Array.from(`x${selected}y`);
    const trimmed = trimWhitespace(body, { start: 1, end: 1 + Array.from(selected).length });
    expect(trimmed && body.slice(trimmed.start, trimmed.end).join("")).toBe(expected);
  });
});

describe("snapToWords", () => {
  it.each([
    ["o-cal", "so-called"],
    ["the so", "the so-called"],
    ["Turkish-backed", "Turkish-backed"],
  ])("%j grows to %j", (partial, expected) => {
    const start = at(partial);
    expect(quote(snapToWords(chars, { start, end: start + Array.from(partial).length }))).toBe(expected);
  });

  it("keeps an emoji and its skin tone together", () => {
    const thumb = at("👍🏽");
    expect(quote(keepClustersWhole(chars, { start: thumb, end: thumb + 1 }))).toBe("👍🏽");
    expect(quote(keepClustersWhole(chars, { start: thumb + 1, end: thumb + 2 }))).toBe("👍🏽");
  });

  it("keeps a ZWJ family whole", () => {
    const family = Array.from("a 👨‍👩‍👧 b");
    expect(keepClustersWhole(family, { start: 4, end: 5 })).toEqual({ start: 2, end: 7 });
  });
});

describe("moveEdgeByWord", () => {
  const start = at("so-called");
  const range = { start, end: start + 9 };
  it.each([
    ["start", -1, "the so-called"],
    ["end", 1, "so-called Turkish-backed"],
    ["start", 1, "so-called"],
    ["end", -1, "so-called"],
  ] as const)("%s %i → %j", (edge, direction, expected) => {
    expect(quote(moveEdgeByWord(chars, range, edge, direction))).toBe(expected);
  });

  it("shrinks a two-word span by a word from either side", () => {
    const two = { start: at("the"), end: at("the") + "the so-called".length };
    expect(quote(moveEdgeByWord(chars, two, "start", 1))).toBe("so-called");
    expect(quote(moveEdgeByWord(chars, two, "end", -1))).toBe("the");
  });
});
