import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkedArticle, ExportArticleSchema, type ExportArticle } from "./model";
import { ARTICLE, EMPTY_ARTICLE } from "./testing/fixtures";
import { isWellFormedArticle } from "./well-formed";

type Patch = { article?: Record<string, unknown>; source?: Record<string, unknown>; annotation?: Record<string, unknown>; annotator?: Record<string, unknown> };

/** ARTICLE with fields replaced (undefined deletes the key) at one of four levels; the first annotation takes annotation patches. */
function patched({ article = {}, source = {}, annotation = {}, annotator = {} }: Patch): unknown {
  const apply = (base: object, patch: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete out[key];
      else out[key] = value;
    }
    return out;
  };
  const [first, ...rest] = ARTICLE.annotations;
  const a = apply({ ...first!, annotator: apply(first!.annotator, annotator) }, annotation);
  return apply({ ...ARTICLE, source: apply(ARTICLE.source, source), annotations: [a, ...rest] }, article);
}

describe("isWellFormedArticle", () => {
  it.each([
    ["the fixture (emoji, RTL, combining marks)", ARTICLE],
    ["an unannotated article with nulls", EMPTY_ARTICLE],
    ["an article without its text", { ...ARTICLE, text: null }],
    ["a timestamp publication date", { ...ARTICLE, publishedAt: "2021-08-12T10:00:00+02:00" }],
  ])("accepts %s, as the schema does", (_, article) => {
    expect(isWellFormedArticle(article)).toBe(true);
    expect(ExportArticleSchema.safeParse(article).success).toBe(true);
  });

  it.each<[string, Patch]>([
    ["an empty id", { article: { id: "" } }],
    ["a missing key", { article: { contentHash: undefined } }],
    ["an extra key", { article: { extra: 1 } }],
    ["a date that does not exist", { article: { publishedAt: "2021-02-30" } }],
    ["a source with an extra key", { source: { extra: "x" } }],
    ["an offset in UTF-16 units", { annotation: { quote: "👍🏽", start: 87, end: 91 } }],
    ["a quote elsewhere in the text", { annotation: { start: 19, end: 28 } }],
    ["an end past the text", { annotation: { start: 10_000, end: 10_009 } }],
    ["a fractional offset", { annotation: { start: 18.5 } }],
    ["an unsafe integer", { annotation: { end: 2 ** 60 } }],
    ["a timestamp without a zone", { annotation: { createdAt: "2024-03-01T10:15:00" } }],
    ["attributes that are an array", { annotation: { attributes: [] } }],
    ["attributes that are a Map", { annotation: { attributes: new Map() } }],
    ["attributes with a __proto__ key", { annotation: { attributes: JSON.parse('{"__proto__": {"x": 1}}') as unknown } }],
    ["gold as a string", { annotation: { gold: "true" } }],
    ["an annotator without a name", { annotator: { name: undefined } }],
  ])("leaves %s to the schema", (_, patch) => {
    expect(isWellFormedArticle(patched(patch))).toBe(false);
  });

  it("accepts nothing the schema rejects, and what it accepts checkedArticle returns unchanged", () => {
    const value = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.constantFrom("", "so-called", "2024-03-01T10:15:00.000Z", "2024-13-01T10:15:00Z", "2021-08-12", null, 0, -0, -1, 18, 27, 1e21, Number.NaN),
      fc.integer({ min: -2, max: 400 }),
      fc.dictionary(fc.string(), fc.jsonValue()),
    );
    const field = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys, "extra"), fc.option(value, { nil: undefined }), { maxKeys: 2 });
    const patch = fc.record(
      {
        article: field(Object.keys(ARTICLE)),
        source: field(Object.keys(ARTICLE.source)),
        annotation: field(Object.keys(ARTICLE.annotations[0]!)),
        annotator: field(["id", "name"]),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(patch, (p) => {
        const article = patched(p);
        if (!isWellFormedArticle(article)) return;
        const parsed = ExportArticleSchema.safeParse(article);
        expect(parsed.success).toBe(true);
        expect(checkedArticle(article as ExportArticle)).toEqual(parsed.data);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
