import { beforeAll, describe, expect, it } from "vitest";
import type { ExportArticle } from "./model";
import { ANNOTATIONS_ONLY, ARTICLE, collectText, EMPTY_ARTICLE, OPTIONS, streamOf } from "./testing/fixtures";
import { annotationAssertions, readSample, sampleFiles, W3cSuite } from "./testing/w3c-suite";
import { readW3c } from "./w3c.read";
import { writeW3c } from "./w3c.write";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const write = async (articles: ExportArticle[], options = OPTIONS): Promise<Json> => JSON.parse(await collectText(writeW3c(streamOf(articles), options)));

let suite: W3cSuite;
let mustPass: string[];
beforeAll(() => {
  suite = new W3cSuite();
  mustPass = annotationAssertions(suite);
});

describe("the validator harness", () => {
  it("runs every MUST assertion plus the three text selector schemas", () => {
    expect(mustPass.length).toBeGreaterThanOrEqual(54);
    expect(mustPass).toContain("annotations/specificResource/4.2-TextDataPositionSelectorValid.json");
  });

  // The 2016 schemas predate the Composite/List/Independents target types of the final
  // Recommendation, so these three correct samples fail exactly that one assertion.
  const PREDATES_SCHEMAS = ["anno11.json", "anno12.json", "anno13.json"];
  const annotationSamples = sampleFiles("correct").filter((f) => f.startsWith("anno"));

  it.each(annotationSamples.filter((f) => !PREDATES_SCHEMAS.includes(f)))("passes the correct sample %s", (file) => {
    expect(suite.failures(readSample("correct", file), mustPass)).toEqual([]);
  });

  it.each(PREDATES_SCHEMAS)("fails the correct sample %s only on the target type the schemas do not know", (file) => {
    expect(suite.failures(readSample("correct", file), mustPass).map((f) => f.file)).toEqual(["annotations/3.2-targetObjectsRecognized.json"]);
  });

  it.each(["collection1.json"])("passes the correct collection %s as a collection and as a page", (file) => {
    const sample = readSample("correct", file);
    expect(suite.failures(sample, suite.manifest("collections/collectionMusts.test"))).toEqual([]);
    expect(suite.failures(sample, suite.manifest("collections/pages/pageMusts.test"))).toEqual([]);
  });

  it.each([
    ["anno3.json", "annotations/3.1-annotationContextValidated.json"],
    ["anno8.json", "annotations/3.1-annotationTypeValidated.json"],
    ["anno28.json", "annotations/3.3.1-annotationCreatedValidated.json"],
    ["anno34.json", "annotations/3.3.6-annotationRightsValidated.json"],
    ["anno38.json", "annotations/specificResource/4.2-selectorValidIfPresent.json"],
  ])("fails the incorrect sample %s on %s", (file, assertion) => {
    expect(suite.failures(readSample("incorrect", file), mustPass).map((f) => f.file)).toContain(assertion);
  });

  it("fails every incorrect sample on at least one assertion (or as non-JSON)", () => {
    for (const file of sampleFiles("incorrect")) {
      const sample = readSample("incorrect", file);
      expect(sample instanceof SyntaxError || suite.failures(sample, mustPass).length > 0, file).toBe(true);
    }
  });
});

describe("writeW3c", () => {
  it("writes a collection whose first page embeds every annotation, in order", async () => {
    const doc = await write([ARTICLE, EMPTY_ARTICLE]);
    expect(Object.keys(doc)).toEqual(["@context", "id", "type", "label", "first", "total"]);
    expect(doc).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", id: "https://slant.example.org/annotations", type: "AnnotationCollection", label: "Slant annotations (all analysts)", total: 12 });
    expect(doc.first).toMatchObject({ id: "https://slant.example.org/annotations?page=0", type: "AnnotationPage", startIndex: 0 });
    expect(doc.first.items.map((a: Json) => a.id.split("/").pop())).toEqual(["a-02", "a-01", "a-03", "a-07", "a-04", "a-05", "a-08", "a-06", "a-10", "a-09", "a-11", "a-12"]);
  });

  it("passes the suite's collection and page assertions, with and without items", async () => {
    for (const doc of [await write([ARTICLE]), await write([EMPTY_ARTICLE])]) {
      expect(suite.failures(doc, suite.manifest("collections/collectionMusts.test"))).toEqual([]);
      expect(suite.failures(doc, suite.manifest("collections/pages/pageMusts.test"))).toEqual([]);
    }
  });

  it("every exported annotation passes every MUST assertion and the text selector schemas", async () => {
    const doc = await write([ARTICLE]);
    expect(doc.first.items).toHaveLength(ARTICLE.annotations.length);
    for (const item of doc.first.items) expect(suite.failures(item, mustPass), item.id).toEqual([]);
  });

  it("would be caught by the suite if it dropped @context or wrote a non-integer offset", async () => {
    const item = (await write([ARTICLE])).first.items[0];
    const noContext = { ...item, "@context": undefined };
    expect(suite.failures(noContext, mustPass).map((f) => f.file)).toContain("annotations/3.1-annotationContextValidated.json");
    const badPosition = structuredClone(item);
    badPosition.target.selector[1].start = 1.5;
    expect(suite.failures(badPosition, mustPass).map((f) => f.file)).toContain("annotations/specificResource/4.2-TextDataPositionSelectorValid.json");
  });

  it("writes the annotation the brief describes, offsets in code points", async () => {
    const thumbs = (await write([ARTICLE])).first.items[0];
    const source = ARTICLE.annotations.find((a) => a.id === "a-02")!;
    expect(thumbs).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://slant.example.org/annotations/a-02",
      type: "Annotation",
      body: [{ type: "TextualBody", value: "claim", purpose: "tagging" }],
      target: {
        source: "https://slant.example.org/articles/art-0001",
        selector: [
          { type: "TextQuoteSelector", exact: source.quote, suffix: source.suffix }, // at the start of the text: no prefix
          { type: "TextPositionSelector", start: 0, end: 97 },
        ],
      },
      creator: { id: "https://slant.example.org/users/user-analyst-1", type: "Person", name: "Analyst One" },
      created: "2024-03-01T10:15:00.000Z",
      modified: "2024-03-02T08:00:00.000Z",
    });
    expect(Array.from(ARTICLE.text!).slice(0, 97).join("")).toBe(source.quote);
  });

  it.each([
    [
      "a-01",
      [
        { type: "TextualBody", value: "loaded_language", purpose: "tagging" },
        { type: "TextualBody", value: 'Scare qualifier,\t"so-called"\nsecond line', purpose: "commenting" },
        { type: "TextualBody", purpose: "describing", "slant:attribute": "a", value: '{"b":null,"d":[1,2]}', format: "application/json" },
        { type: "TextualBody", purpose: "describing", "slant:attribute": "z", value: "1", format: "application/json" },
      ],
    ],
    ["a-04", [{ type: "TextualBody", value: "loaded_language", purpose: "tagging" }, { type: "TextualBody", value: "", purpose: "commenting" }]],
    [
      "a-06",
      [
        { type: "TextualBody", value: "attribution", purpose: "tagging" },
        { type: "TextualBody", purpose: "describing", "slant:attribute": "cited", value: "anonymous", format: "text/plain" },
        { type: "TextualBody", purpose: "describing", "slant:attribute": "count", value: "2", format: "application/json" },
      ],
    ],
  ])("writes the bodies of %s: the label as tagging, the note (if any) as commenting, each attribute as describing", async (id, body) => {
    const item = (await write([ARTICLE])).first.items.find((a: Json) => a.id.endsWith(`/${id}`));
    expect(item.body).toEqual(body);
  });

  it("is the same with annotationsOnly (the text is never part of this format)", async () => {
    expect(await write([ARTICLE], ANNOTATIONS_ONLY)).toEqual(await write([ARTICLE]));
  });
});

describe("readW3c", () => {
  it("reads back every annotation (label, note, quote, context, code point offsets, creator, dates)", async () => {
    const json = await collectText(writeW3c(streamOf([ARTICLE]), OPTIONS));
    const results = readW3c(json, { baseUrl: "https://slant.example.org" });
    // W3C has no place for attributes or the gold flag; everything else comes back.
    const expected = ARTICLE.annotations.map((a) => ({ id: a.id, articleId: "art-0001", start: a.start, end: a.end, label: a.label, quote: a.quote, prefix: a.prefix, suffix: a.suffix, note: a.note, annotator: a.annotator, createdAt: a.createdAt, updatedAt: a.updatedAt }));
    expect(results.map((r) => r.ok && r.annotation)).toEqual(expect.arrayContaining(expected));
    expect(results).toHaveLength(expected.length);
  });

  it.each([
    ["no tagging body", (a: Json) => (a.body = [{ type: "TextualBody", value: "x", purpose: "commenting" }]), /no TextualBody with purpose tagging/],
    ["no position selector", (a: Json) => (a.target.selector = [a.target.selector[0]]), /no valid TextPositionSelector/],
    ["UTF-16 offsets", (a: Json) => (a.target.selector[1].end += 2), /does not span the 97 code points of the quote/],
    ["no target", (a: Json) => delete a.target, /^target: /],
  ])("reports an annotation with %s by its index", async (_, corrupt, reason) => {
    const doc = await write([ARTICLE]);
    corrupt(doc.first.items[0]);
    const results = readW3c(JSON.stringify(doc), { baseUrl: OPTIONS.baseUrl });
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, index: 0, error: expect.stringMatching(reason) }]);
  });

  it("keeps foreign IRIs whole and accepts a single selector object", () => {
    const foreign = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "http://example.org/anno26",
      type: "Annotation",
      body: { type: "TextualBody", value: "claim", purpose: "tagging" },
      target: { source: "http://example.org/page1", selector: { type: "TextQuoteSelector", exact: "anotation", prefix: "this is an " } },
    };
    expect(readW3c(JSON.stringify(foreign), OPTIONS)).toEqual([{ ok: false, index: 0, error: expect.stringMatching(/no valid TextPositionSelector/) }]);
    const positioned = { ...foreign, target: { ...foreign.target, selector: [foreign.target.selector, { type: "TextPositionSelector", start: 11, end: 20 }] } };
    expect(readW3c(JSON.stringify(positioned), OPTIONS)).toEqual([
      {
        ok: true,
        index: 0,
        annotation: { id: "http://example.org/anno26", articleId: "http://example.org/page1", start: 11, end: 20, label: "claim", quote: "anotation", prefix: "this is an ", suffix: "", note: null, annotator: null, createdAt: null, updatedAt: null },
      },
    ]);
  });

  it("reports JSON that does not parse", () => {
    expect(readW3c("{", OPTIONS)).toEqual([{ ok: false, index: -1, error: expect.stringMatching(/^not valid JSON/) }]);
  });
});
