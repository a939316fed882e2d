import { describe, expect, it } from "vitest";
import { checkedArticle, compareAnnotations, ExportArticleSchema, FormatError, sortedAnnotations, type ExportArticle } from "./model";
import { ARTICLE, ANNOTATIONS, annotation } from "./testing/fixtures";

const withAnnotation = (patch: Partial<(typeof ANNOTATIONS)[number]>, text: string | null = ARTICLE.text): ExportArticle => ({
  ...ARTICLE,
  text,
  annotations: [{ ...annotation({ id: "x", label: "claim", quote: "so-called" }), ...patch }],
});

describe("ExportArticleSchema", () => {
  it("accepts the fixture article, emoji offsets included", () => {
    expect(ExportArticleSchema.safeParse(ARTICLE).success).toBe(true);
  });

  it.each([
    ["end before start", { start: 20, end: 18 }, ARTICLE.text, /end \(18\) is before start \(20\)/],
    ["empty span", { start: 18, end: 18 }, ARTICLE.text, /the range \[18, 18\) is empty/],
    ["UTF-16 length instead of code points", { quote: "👍🏽", start: 87, end: 91 }, null, /quote is 2 code points long but \[start, end\) spans 4/],
    ["quote not at the offsets", { start: 19, end: 28 }, ARTICLE.text, /quote does not match the text at \[19, 28\)/],
    ["end past the text", { start: 10_000, end: 10_009 }, ARTICLE.text, /the range \[10000, 10009\) is outside the article text/],
    ["negative offset", { start: -1, end: 8 }, ARTICLE.text, /start/],
    ["unknown key", { extra: 1 } as object, ARTICLE.text, /extra/],
    ["timestamp without zone", { createdAt: "2024-03-01 10:15" }, ARTICLE.text, /createdAt/],
  ])("rejects %s", (_, patch, text, message) => {
    const result = ExportArticleSchema.safeParse(withAnnotation(patch, text));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("\n")).toMatch(message);
  });

  it("checks quotes against the text only when the text is present", () => {
    expect(ExportArticleSchema.safeParse(withAnnotation({ start: 19, end: 28 }, null)).success).toBe(true);
  });
});

describe("checkedArticle", () => {
  it("names the article in its error", () => {
    expect(() => checkedArticle(withAnnotation({ start: 19, end: 28 }))).toThrow(new FormatError("article art-0001: annotations.0.quote: quote does not match the text at [19, 28)"));
  });
});

describe("annotation order", () => {
  it("is start, then end, then label, then id", () => {
    const order = sortedAnnotations(ARTICLE).map((a) => a.id);
    expect(order).toEqual(["a-02", "a-01", "a-03", "a-07", "a-04", "a-05", "a-08", "a-06", "a-10", "a-09", "a-11", "a-12"]);
  });

  it.each([
    [{ start: 1, end: 5, label: "b", id: "1" }, { start: 2, end: 3, label: "a", id: "0" }, -1],
    [{ start: 1, end: 3, label: "b", id: "1" }, { start: 1, end: 5, label: "a", id: "0" }, -1],
    [{ start: 1, end: 5, label: "a", id: "9" }, { start: 1, end: 5, label: "b", id: "0" }, -1],
    [{ start: 1, end: 5, label: "a", id: "B" }, { start: 1, end: 5, label: "a", id: "a" }, -1], // code unit order: "B" < "a"
    [{ start: 1, end: 5, label: "a", id: "x" }, { start: 1, end: 5, label: "a", id: "x" }, 0],
  ])("%j before %j → %i", (a, b, sign) => {
    const full = (p: object) => ({ ...ANNOTATIONS[0]!, ...p });
    expect(Math.sign(compareAnnotations(full(a), full(b)))).toBe(sign);
    expect(Math.sign(compareAnnotations(full(b), full(a)))).toBe(-sign || 0);
  });
});
