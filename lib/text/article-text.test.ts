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
