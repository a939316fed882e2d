import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords, normalizeBody, slugify } from "./article-text";
import { contentHash } from "./content-hash";

describe("normalizeBody", () => {
  it.each([
    ["CRLF and CR become LF", "a\r\nb\rc", "a\nb\nc"],
    ["decomposed accents are composed (NFC)", "Cafe\u0301", "Caf\u00e9"],
    ["trailing spaces on lines go", "one  \ntwo\t", "one\ntwo"],
    ["runs of blank lines collapse to one", "p1\n\n\n\np2", "p1\n\np2"],
    ["leading and trailing blank lines go", "\n\n  text\n\n", "  text"],
    ["non-breaking spaces inside text are kept", "Idlib,\u00a0Aleppo", "Idlib,\u00a0Aleppo"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeBody(input)).toBe(expected);
  });

  // The regular expressions normalizeBody used to be, kept as the reference it must agree with.
  const byRegex = (text: string) =>
    text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").replace(/^\n+|\s+$/g, "");

  it("agrees with the regular expressions it replaced", () => {
    const piece = fc.constantFrom(" ", "\t", "\n", "\r", "\r\n", "a", "b c", "\u00a0", "e\u0301", "\u2028", "\f");
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join("");
      expect(normalizeBody(text)).toBe(byRegex(text));
    }), { numRuns: 2000 });
  });

  // Sized so the backtracking patterns this replaced take over a minute each
  // (quadratic: ~5 s at 30,000; the bench's 500,000-space body took 84 s) while
  // one linear pass takes milliseconds: the 10 s ceiling is the failure signal,
  // with room for a busy machine.
  const RUN = 120_000;
  it.each([
    ["a long run of spaces inside a line", `a${" ".repeat(RUN)}b`, `a${" ".repeat(RUN)}b`],
    ["a long run of tabs inside a line", `a${"\t".repeat(RUN)}b`, `a${"\t".repeat(RUN)}b`],
    ["alternating spaces and tabs", `x${" \t".repeat(RUN / 2)}y`, `x${" \t".repeat(RUN / 2)}y`],
    ["spaces before a line separator", `x${" ".repeat(RUN)}\u2028y`, "x\u2028y"],
    ["spaces and newlines alternating", `x${" \n".repeat(RUN)}y`, "x\n\ny"],
    ["a long trailing run of mixed whitespace", `x${" \t\u00a0".repeat(RUN)}`, "x"],
  ])("is linear on %s", (_name, input, expected) => {
    expect(normalizeBody(input)).toBe(expected);
  }, 10_000);

  it("normalizes a 1 MB body of spaces and tabs in one pass", () => {
    const body = `start${" \t".repeat(512 * 1024)}end\n${"\t ".repeat(512 * 1024)}\n`;
    expect(normalizeBody(body)).toBe(`start${" \t".repeat(512 * 1024)}end`);
  }, 10_000);

  it("is idempotent", () => {
    const once = normalizeBody("x \r\n\r\n\r\ny\u0301 ");
    expect(normalizeBody(once)).toBe(once);
  });
});

describe("countWords", () => {
  it.each([
    ["", 0],
    ["Supporters of the so-called Turkish-backed National Army", 7],
    ["Turkey’s top diplomat revealed", 4],
    ["On March 7th, the SAA shelled al-Bab.", 7],
    ["👍🏽 emoji are not words", 4],
    ["中文 text", 2],
  ])("%j has %d words", (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it.each([
    ["hyphen-joined letters", "a-".repeat(500_000), 1],
    ["apostrophes", "a’".repeat(500_000), 1],
    ["a megabyte of spaces and tabs", " \t".repeat(500_000), 0],
  ])("counts %s in linear time", (_name, text, expected) => {
    expect(countWords(text)).toBe(expected);
  }, 10_000);
});

describe("contentHash", () => {
  it("is the SHA-256 hex digest of the UTF-8 text", () => {
    expect(contentHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("slugify", () => {
  it.each([
    ["Al Mayadeen English", "al-mayadeen-english"],
    ["Le Monde — Édition", "le-monde-edition"],
    ["!!!", "source"],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
