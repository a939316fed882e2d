import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { createAnnotation, deleteAnnotation } from "../../lib/db/spans/annotations";
import { db } from "../../lib/db/client";
import { countExport, exportArticles } from "../../lib/db/export/datasets";
import { seedLabels } from "../../lib/db/seed";
import type { ExportArticle } from "../../lib/formats/model";
import type { ExportFilters } from "../../lib/schemas/datasets";
import { spanContext } from "../../lib/spans";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

const none: ExportFilters = { sourceId: [], label: [], annotator: [], gold: false, pseudonymize: false, annotationsOnly: false };
const SECRET = "a-test-secret-of-at-least-32-characters";

async function collect(actor: Actor, filters: Partial<ExportFilters>): Promise<ExportArticle[]> {
  const out: ExportArticle[] = [];
  for await (const a of exportArticles({ actor, filters: { ...none, ...filters }, pseudonymSecret: SECRET })) out.push(a);
  return out;
}
const spans = (articles: ExportArticle[]) => articles.flatMap((a) => a.annotations.map((s) => `${s.label}:${s.annotator.id}:${s.gold}`)).sort();

/** Two sources; X (2021) annotated by two analysts, with gold and a deleted span; Y (2022) by one; Z (2021) not at all. */
async function corpus() {
  await seedLabels(db(), (await loadSeeds()).labels);
  const [a1, a2, reviewer] = [await makeUser("ANALYST"), await makeUser("ANALYST"), await makeUser("REVIEWER")];
  const [s1, s2] = [unique("Source one"), unique("Source two")];
  const body = `${unique("Alpha")} beta gamma delta.`;
  const x = await makeArticle(a1, { source: s1, body, publishedAt: "2021-01-10" });
  const y = await makeArticle(a1, { source: s2, publishedAt: "2022-05-01" });
  const z = await makeArticle(a1, { source: s1, publishedAt: "2021-02-01" });
  const at = (word: string) => ({ start: Array.from(body.slice(0, body.indexOf(word))).length, end: Array.from(body.slice(0, body.indexOf(word))).length + word.length, quote: word });
  await createAnnotation({ actor: a1, articleId: x.id, input: { label: "claim", ...at("beta") } });
  await createAnnotation({ actor: a2, articleId: x.id, input: { label: "loaded_language", ...at("gamma") } });
  const gone = await createAnnotation({ actor: a1, articleId: x.id, input: { label: "unverified", ...at("delta") } });
  await deleteAnnotation({ actor: a1, id: gone.id });
  const yBody = (await db().article.findUniqueOrThrow({ where: { id: y.id } })).body;
  await createAnnotation({ actor: a1, articleId: y.id, input: { label: "unverified", start: 0, end: 4, quote: Array.from(yBody).slice(0, 4).join("") } });
  const g = at("gamma");
  await db().goldAnnotation.create({ data: { articleId: x.id, labelId: (await db().label.findUniqueOrThrow({ where: { key: "loaded_language" } })).id, adjudicatorId: reviewer.id, ...g, ...spanContext(body, g.start, g.end) } });
  const sourceIds = await Promise.all([s1, s2].map(async (name) => (await db().source.findUniqueOrThrow({ where: { name } })).id));
  return { a1, a2, reviewer, x, y, z, s1: sourceIds[0]!, s2: sourceIds[1]! };
}

describe("export filters", () => {
  it("selects by source, label, annotator, dates and gold; never exports deleted annotations; counts agree", async () => {
    const c = await corpus();
    const both = [c.s1, c.s2];
    const cases: [string, Partial<ExportFilters>, string[], string[]][] = [
      ["one source, every layer", { sourceId: [c.s1] }, [c.x.id, c.z.id], [`claim:${c.a1.id}:false`, `loaded_language:${c.a2.id}:false`, `loaded_language:${c.reviewer.id}:true`]],
      ["a label", { sourceId: both, label: ["claim"] }, [c.x.id], [`claim:${c.a1.id}:false`]],
      ["an annotator", { sourceId: both, annotator: [c.a2.id] }, [c.x.id], [`loaded_language:${c.a2.id}:false`]],
      ["gold only (annotator = adjudicator)", { sourceId: both, gold: true }, [c.x.id], [`loaded_language:${c.reviewer.id}:true`]],
      ["a date range", { sourceId: both, from: "2022-01-01", to: "2022-12-31" }, [c.y.id], [`unverified:${c.a1.id}:false`]],
    ];
    for (const [name, filters, articleIds, expected] of cases) {
      const articles = await collect(c.reviewer, filters);
      expect(articles.map((a) => a.id).sort(), name).toEqual([...articleIds].sort());
      expect(spans(articles), name).toEqual([...expected].sort());
      expect(await countExport({ actor: c.reviewer, filters: { ...none, ...filters } }), name).toEqual({ articles: articleIds.length, annotations: expected.length });
    }
  });

  it("leaves the text out for annotationsOnly and pseudonymizes annotators stably", async () => {
    const c = await corpus();
    const [first] = await collect(c.reviewer, { sourceId: [c.s1], label: ["loaded_language"], pseudonymize: true, annotationsOnly: true });
    const again = await collect(c.reviewer, { sourceId: [c.s1], label: ["loaded_language"], pseudonymize: true });
    expect(first?.text).toBeNull();
    expect(again[0]?.text).toContain("beta gamma");
    const ids = first!.annotations.map((a) => a.annotator.id);
    expect(ids.every((id) => /^annotator-[0-9a-f]{10}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(2);
    expect(again[0]!.annotations.map((a) => a.annotator)).toEqual(first!.annotations.map((a) => a.annotator));
    expect(JSON.stringify(first)).not.toContain(c.a2.id);
    expect(JSON.stringify(first)).not.toContain(c.a2.name);
  });

  it("gives analysts their own layer only, and no gold", async () => {
    const c = await corpus();
    const own = await collect(c.a1, { sourceId: [c.s1] });
    expect(spans(own)).toEqual([`claim:${c.a1.id}:false`]);
    await expect(collect(c.a1, { gold: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(collect(c.a1, { annotator: [c.a2.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("pages through more articles than one batch, each exactly once, in id order", async () => {
    const reviewer = await makeUser("REVIEWER");
    const source = await db().source.create({ data: { name: unique("Many"), slug: unique("many") } });
    const ids = Array.from({ length: 450 }, () => randomUUID());
    await db().article.createMany({ data: ids.map((id, i) => ({ id, sourceId: source.id, title: `t${i}`, body: `body ${id}`, contentHash: `hash-${id}`, wordCount: 2 })) });
    const articles = await collect(reviewer, { sourceId: [source.id] });
    expect(articles.map((a) => a.id)).toEqual([...ids].sort());
  });

  it("reads rows exactly: timestamps as toISOString writes them (odd years too) and attributes as stored", async () => {
    const c = await corpus();
    const [annotation] = await db().annotation.findMany({ where: { articleId: c.x.id, deletedAt: null }, take: 1 });
    // Attributes in an order Postgres would not keep, numbers JSON cannot hold exactly, and years toISOString writes unusually.
    await db().annotation.update({ where: { id: annotation!.id }, data: { attributes: { z: [1, { b: 2, a: null }], a: 12345678901234567890, "é": "\u2028" }, createdAt: new Date("+010000-01-01T00:00:00.000Z"), updatedAt: new Date("0099-03-04T05:06:07.008Z") } });
    const filters = { ...none, sourceId: [c.s1, c.s2] };
    const read = async (source: object) => {
      const out: ExportArticle[] = [];
      for await (const a of exportArticles({ actor: c.reviewer, filters, ...source })) out.push(a);
      return out;
    };
    const plain = await read({});
    const exported = plain.flatMap((a) => a.annotations).find((a) => a.id === annotation!.id)!;
    expect(exported).toMatchObject({ createdAt: "+010000-01-01T00:00:00.000Z", updatedAt: "0099-03-04T05:06:07.008Z", attributes: { z: [1, { b: 2, a: null }], a: 12345678901234567890, "é": "\u2028" } });
    const stored = (await db().annotation.findMany({ where: { articleId: { in: [c.x.id, c.y.id] }, deletedAt: null, id: { not: annotation!.id } } })).map((a) => [a.id, a.createdAt.toISOString(), a.updatedAt.toISOString()]);
    const got = new Map(plain.flatMap((a) => a.annotations).map((a) => [a.id, [a.id, a.createdAt, a.updatedAt]]));
    expect(stored.map(([id]) => got.get(id!))).toEqual(stored);
  });

  it("stops reading when the consumer stops, with the next batch already on its way", async () => {
    const reviewer = await makeUser("REVIEWER");
    const source = await db().source.create({ data: { name: unique("Early"), slug: unique("early") } });
    await db().article.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ sourceId: source.id, title: `t${i}`, body: `early ${i} ${randomUUID()}`, contentHash: `early-${randomUUID()}`, wordCount: 2 })) });
    let seen = 0;
    for await (const article of exportArticles({ actor: reviewer, filters: { ...none, sourceId: [source.id] } })) {
      expect(article.source.id).toBe(source.id);
      if (++seen === 3) break;
    }
    // The abandoned batch left no connection busy or broken: the next export reads everything.
    expect(await collect(reviewer, { sourceId: [source.id] })).toHaveLength(120);
  });
});
