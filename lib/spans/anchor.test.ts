import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorQuote, type AnchorResult, type QuoteSelector } from "./anchor";
import { SearchBudget } from "./budget";
import { spanContext } from "./context";
import { CodePointIndex } from "./offsets";

/** Code point range of the nth (1-based) occurrence of `needle`. */
function nth(text: string, needle: string, n: number): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" does not occur ${n} times`);
  }
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}

/** Overlapping occurrences count: "aa" occurs twice in "aaa". */
function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/** The selector an analyst's span would have stored: quote, 32 code points of context, offsets. */
function storedSelector(text: string, needle: string, n = 1): Required<QuoteSelector> {
  const { start, end } = nth(text, needle, n);
  return { ...spanContext(text, start, end), start, end };
}

const AFRIN = "Supporters of the so-called Turkish-backed National Army clashed with police in Afrin on Monday, witnesses said.";
const REPEATED = "The regime said the regime would hold talks, but the regime broke off the talks within a day.";

describe("anchorQuote", () => {
  type Case = [name: string, selector: QuoteSelector, text: string, expected: AnchorResult["status"], at?: [needle: string, n: number]];
  it.each<Case>([
    ["unchanged text at the stored position", storedSelector(AFRIN, "so-called"), AFRIN, "anchored", ["so-called", 1]],
    ["a headline inserted before", storedSelector(AFRIN, "National Army"), `BREAKING: ${AFRIN}`, "reanchored", ["National Army", 1]],
    ["emoji inserted before, shifting by code points", storedSelector(AFRIN, "police"), `👨‍👩‍👧👍🏽 ${AFRIN}`, "reanchored", ["police", 1]],
    ["the text shortened below the stored offsets", storedSelector(AFRIN, "witnesses"), AFRIN.slice(60), "reanchored", ["witnesses", 1]],
    ["a hyphen dropped from the quote", storedSelector(AFRIN, "so-called Turkish-backed"), AFRIN.replace("so-called", "so called"), "reanchored", ["so called Turkish-backed", 1]],
    ["a skin tone added inside the quote", storedSelector("It was great 👍 news for all.", "great 👍 news"), "It was great 👍🏽 news for all.", "reanchored", ["great 👍🏽 news", 1]],
    ["the quote deleted", storedSelector(AFRIN, "National Army"), AFRIN.replace("Turkish-backed National Army ", ""), "orphaned"],
    ["a long passage edited, with its context gone", storedSelector(AFRIN, "Turkish-backed National Army clashed with police"), "Elsewhere, Turkish-backed National Army fought police.", "reanchored", ["Turkish-backed National Army fought police", 1]],
    ["only a near miss left, in unrelated text", storedSelector(AFRIN, "National Army"), "The Rational Arm of the council met for hours.", "orphaned"],
    ["a short quote with one letter changed", storedSelector("The cat sat.", "cat"), "The car sat.", "orphaned"],
    ["an empty quote", { quote: "", prefix: "x" }, AFRIN, "orphaned"],
    ["an edited quote beats the exact quote out of context", storedSelector("Officials praised the truce. The so-called moderates shelled Afrin.", "so-called moderates"), "Officials praised the so-called moderates. The so called moderates shelled Afrin.", "reanchored", ["so called moderates", 1]],
    ["a changed context but the quote still at its position", storedSelector(AFRIN, "so-called"), AFRIN.replace("Supporters", "Backers   "), "anchored", ["so-called", 1]],
  ])("%s", (_name, selector, text, status, at) => {
    const result = anchorQuote(text, selector);
    expect(result.status).toBe(status);
    if (at) expect(result).toMatchObject(nth(text, ...at));
  });

  describe("picks the right one of a word that occurs three times", () => {
    const second = storedSelector(REPEATED, "regime", 2);
    const third = nth(REPEATED, "regime", 3);
    it.each<[string, QuoteSelector, string, AnchorResult["status"]]>([
      ["by its context alone", { quote: "regime", prefix: second.prefix, suffix: second.suffix }, REPEATED, "reanchored"],
      ["by its context, though the stored offsets hold the third", { ...second, ...third }, REPEATED, "reanchored"],
      ["by its context after text was inserted", second, `Update: ${REPEATED}`, "reanchored"],
      ["by its context after one word of it changed", { ...second, prefix: second.prefix.replace("said", "stated") }, REPEATED.replace("said", "stated"), "reanchored"],
      ["by its stored position when there is no context", { quote: "regime", start: second.start, end: second.end }, REPEATED, "anchored"],
      ["by its stored position, shifted a little", { quote: "regime", start: second.start + 3, end: second.end + 3 }, REPEATED, "reanchored"],
    ])("%s", (_name, selector, text, status) => {
      const result = anchorQuote(text, selector);
      expect(result).toMatchObject({ status, ...nth(text, "regime", 2) });
    });

    it.each([
      ["Hebrew", "שלום אמר, שלום ענה, שלום כתב", "שלום"],
      ["Arabic", "قال السلام، ثم السلام، ثم السلام.", "السلام"],
      ["CJK", "中文很好，中文很难，中文很美", "中文"],
      ["emoji", "👍🏽 yes 👍🏽 no 👍🏽 maybe", "👍🏽"],
    ])("in %s", (_name, text, word) => {
      const { prefix, suffix } = storedSelector(text, word, 2);
      expect(anchorQuote(`前 ${text}`, { quote: word, prefix, suffix })).toMatchObject({ status: "reanchored", ...nth(`前 ${text}`, word, 2) });
    });
  });

  it("scores 1 for an unchanged span and less for an edited one", () => {
    const selector = storedSelector(AFRIN, "Turkish-backed");
    expect(anchorQuote(AFRIN, selector)).toEqual({ status: "anchored", ...nth(AFRIN, "Turkish-backed", 1), score: 1 });
    const edited = anchorQuote(AFRIN.replace("Turkish-backed", "Turkey-backed"), selector);
    expect(edited.status === "reanchored" && edited.score).toBeGreaterThan(0.7);
    expect(edited.status === "reanchored" && edited.score).toBeLessThan(1);
  });

  it("finds every span of an unchanged text where it was, and again after text is prepended (property)", () => {
    const words = fc.constantFrom("the", "regime", "so-called", "👍🏽", "e\u0301", "中文", "שלום", "قال", " ", ", ", "\n");
    const text = fc.array(words, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.array(words, { maxLength: 5 }).map((parts) => parts.join("")), fc.nat(), fc.nat(), (body, inserted, a, b) => {
        const length = Array.from(body).length;
        const start = a % length;
        const end = start + 1 + (b % (length - start));
        const selector = { ...spanContext(body, start, end), start, end };
        expect(anchorQuote(body, selector)).toEqual({ status: "anchored", start, end, score: 1 });
        const changed = inserted + body;
        // Only a unique quote-in-context has one right answer.
        fc.pre(countOccurrences(changed, selector.prefix + selector.quote + selector.suffix) === 1);
        const shift = Array.from(inserted).length;
        expect(anchorQuote(new CodePointIndex(changed), selector)).toMatchObject({ start: start + shift, end: end + shift });
      }),
    );
  });

  it("re-anchors 5,000 unchanged spans on a 150k-character body quickly", () => {
    const sentence = "Witnesses in Afrin 👍🏽 said the so-called National Army clashed with police on Monday. ";
    let body = "";
    for (let i = 0; body.length < 150_000; i++) body += `${i}: ${sentence}`;
    const index = new CodePointIndex(body);
    const selectors = Array.from({ length: 5000 }, (_, i) => {
      const start = (i * 7919) % (index.length - 20);
      return { ...spanContext(index, start, start + 12), start, end: start + 12 };
    });
    const started = performance.now();
    const anchored = selectors.filter((selector) => anchorQuote(index, selector).status === "anchored").length;
    expect(anchored).toBe(5000);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  // A periodic text ties thousands of approximate matches, each located by its own
  // search; with a long file-supplied context, one such quote took ~5 s and six 25 s.
  it("gives up on crafted near-miss quotes at the search limit, in bounded time", () => {
    const text = "ab".repeat(20_000);
    const context = "ba".repeat(1_000);
    const results = Array.from({ length: 6 }, (_, i) => {
      const quote = `${"ab".repeat(200).slice(0, 396 - i)}X${"ab".repeat(2)}`;
      return anchorQuote(text, { quote, prefix: context, suffix: context, start: 5 + i, end: 405 + i });
    });
    expect(results.every((r) => r.status === "orphaned")).toBe(true);
  }, 20_000); // a ceiling with room for a busy machine: the unbounded search took 46 s

  it("reports the search limit, not a missing quote, when the budget runs out", () => {
    const text = "ab".repeat(5_000);
    expect(anchorQuote(text, { quote: `${"ab".repeat(20)}X`, start: 3, end: 44 }, new SearchBudget(1_000))).toEqual({ status: "orphaned", reason: "search-limit" });
    expect(anchorQuote(text, { quote: "zebra" })).toEqual({ status: "orphaned", reason: "not-found" });
  });

  it("still finds an edited quote in prose within the default budget", () => {
    const body = `${"Unrelated filler about the weather and the markets. ".repeat(400)}The minister said the reform would be delayed until spring. ${"More filler text follows here. ".repeat(400)}`;
    const quote = "The minster said the reform would be delayed untill spring.";
    const result = anchorQuote(body, { quote, start: 10, end: 70 });
    expect(result).toMatchObject({ status: "reanchored" });
    if (result.status !== "orphaned") expect(body.slice(result.start, result.end)).toContain("reform would be delayed");
  });
});
