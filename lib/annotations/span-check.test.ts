import { describe, expect, it } from "vitest";
import { checkSpan, windowFor, type BodyWindow } from "./span-check";

/** What the database returns for a body: the same code point window, computed here from the whole text. */
function windowOf(body: string, span: { start: number; end: number }): BodyWindow {
  const chars = Array.from(body);
  const { from, to } = windowFor(span);
  return { bodyLength: chars.length, offset: from, text: chars.slice(from, to).join("") };
}
function check(body: string, start: number, end: number, quote: string) {
  return checkSpan({ start, end, quote }, windowOf(body, { start, end }));
}

const seed = "Supporters of the so-called Turkish-backed National Army took to the streets";

describe("checkSpan", () => {
  it("accepts the exact text and returns up to 32 code points of context each side", () => {
    expect(check(seed, 18, 27, "so-called")).toEqual({ ok: true, quote: "so-called", prefix: "Supporters of the ", suffix: " Turkish-backed National Army to" });
  });

  it.each([
    ["emoji with a skin tone are 2 code points", "I 👍🏽 it", 2, 4, "👍🏽"],
    ["a ZWJ family is 5 code points", "a 👨‍👩‍👧 b", 2, 7, "👨‍👩‍👧"],
    ["text after emoji is found by code points, not UTF-16 units", "👍🏽👨‍👩‍👧 so-called", 8, 17, "so-called"],
    ["a combining mark belongs to its letter only if the span includes it", "Cafe\u0301 noir", 0, 5, "Cafe\u0301"],
    ["CJK", "新闻报道称", 2, 4, "报道"],
    ["right-to-left text", "قال ناشطون إن", 4, 10, "ناشطون"],
  ])("%s", (_name, body, start, end, quote) => {
    expect(check(body, start, end, quote)).toMatchObject({ ok: true, quote });
  });

  it("gives a reversed range a window too, so the database is never asked for a negative length", () => {
    const { from, to } = windowFor({ start: 200, end: 3 });
    expect(to).toBeGreaterThanOrEqual(from);
    expect(check(`${seed} ${seed} ${seed} ${seed}`, 200, 3, "x")).toMatchObject({ ok: false, code: "REVERSED" });
  });

  it("tags the right one of three identical words", () => {
    const body = "terrorists, terrorists and terrorists";
    expect(check(body, 12, 22, "terrorists")).toMatchObject({ ok: true, prefix: "terrorists, ", suffix: " and terrorists" });
  });

  it.each([
    ["an empty range", 5, 5, "", "EMPTY"],
    ["a reversed range", 9, 5, "x", "REVERSED"],
    ["a negative start", -1, 3, "Sup", "OUT_OF_BOUNDS"],
    ["an end past the text", 70, 200, "x", "OUT_OF_BOUNDS"],
    ["a fractional offset", 1.5, 3, "x", "NOT_INTEGER"],
    ["a quote one character short", 18, 27, "so-calle", "QUOTE_MISMATCH"],
    ["a quote counted in UTF-16 units", 18, 27, "so-called ", "QUOTE_MISMATCH"],
  ])("rejects %s", (_name, start, end, quote, code) => {
    const result = check(seed, start, end, quote);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? "" : result.message.length).toBeGreaterThan(10);
  });

  it("a mismatch message shows the expected text", () => {
    const result = check(seed, 18, 27, "so-calle");
    expect(result.ok ? "" : result.message).toBe('quote does not match the article text at [18, 27): expected "so-calle", got "so-called"');
  });
});
