import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { MASK_CHAR } from "../../lib/campaigns/outlet-blind";
import { getArticle, createArticle, listArticles } from "../../lib/db/articles/articles";
import { createCampaign } from "../../lib/db/campaigns/campaigns";
import { isOutletBlind } from "../../lib/db/campaigns/outlet-blind";
import { startCampaign } from "../../lib/db/campaigns/start";
import { listMyWork } from "../../lib/db/campaigns/work";
import { db } from "../../lib/db/client";
import { countExport, exportArticles } from "../../lib/db/export/datasets";
import { createAnnotation, listAnnotations, updateAnnotation } from "../../lib/db/spans/annotations";
import { sourceStats } from "../../lib/db/figures/source";
import { ArticleListQuery } from "../../lib/schemas/article";
import { CreateCampaignInput } from "../../lib/schemas/campaigns";
import { ExportFilters } from "../../lib/schemas/datasets";
import { SourceViewQuery } from "../../lib/schemas/sources";
import { seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { makeUser, unique } from "../support/factories";

// Outlet-blind campaigns (issue #15 §4, decision 0025): every read path an analyst of such a
// campaign has to the article leaves the outlet out; reviewers, and analysts outside it, see it.

const seedBody = (JSON.parse(readFileSync(path.resolve(__dirname, "../../seeds/articles/al-mayadeen-supporters-of-armed-groups-attack-turkish-checkpoints.json"), "utf8")) as { body: string }).body;

let reviewer: Actor, blindAnalyst: Actor, outsider: Actor, articleId: string, sourceId: string, outletName: string, campaignId: string;
const byline = `Byline ${unique("b")}`;
const url = `https://${unique("host")}.example/story`;

beforeAll(async () => {
  await seedLabels(db(), (await loadSeeds()).labels);
  [reviewer, blindAnalyst, outsider] = await Promise.all([makeUser("REVIEWER"), makeUser("ANALYST"), makeUser("ANALYST")]);
  outletName = `Planted Outlet ${unique("x").slice(2)}`;
  // The seed article, naming its (planted) outlet in its first line and its title.
  const body = `By ${outletName}\n\n${seedBody}`;
  const created = await createArticle({ actor: null, input: { source: { name: outletName }, title: `Supporters attack checkpoints - ${outletName}`, body, byline, url, publishedAt: "2021-08-12" } });
  articleId = created.id;
  sourceId = created.source.id;
  const campaign = await createCampaign({
    actor: reviewer,
    input: CreateCampaignInput.parse({ name: unique("Blind"), articleIds: [articleId], annotatorIds: [blindAnalyst.id], overlap: 1, assignment: "static", blindOutlet: true }),
  });
  campaignId = campaign.id;
  await startCampaign({ actor: reviewer, id: campaignId });
});

const leaks = (value: unknown) => {
  const text = JSON.stringify(value);
  return [outletName, byline, url, "2021-08-12"].filter((s) => text.includes(s));
};

describe("is the article outlet-blind for this actor", () => {
  it("yes for an analyst of the running blind campaign; no for a reviewer or an analyst outside it", async () => {
    expect(await isOutletBlind({ actor: blindAnalyst, articleId })).toBe(true);
    expect(await isOutletBlind({ actor: outsider, articleId })).toBe(false);
    expect(await isOutletBlind({ actor: reviewer, articleId })).toBe(false);
  });

  it("no while the campaign is a draft", async () => {
    const analyst = await makeUser("ANALYST");
    await createCampaign({ actor: reviewer, input: CreateCampaignInput.parse({ name: unique("Draft"), articleIds: [articleId], annotatorIds: [analyst.id], overlap: 1, assignment: "static", blindOutlet: true }) });
    expect(await isOutletBlind({ actor: analyst, articleId })).toBe(false);
  });
});

describe("read paths", () => {
  it("the article: same shape, outlet fields null, title stripped, self-reference masked at the same offsets", async () => {
    const blind = (await getArticle({ actor: blindAnalyst, id: articleId }))!;
    expect(leaks(blind)).toEqual([]);
    expect(blind).toMatchObject({ source: null, byline: null, url: null, publishedAt: null, title: "Supporters attack checkpoints", outletBlind: true });
    const seen = (await getArticle({ actor: reviewer, id: articleId }))!;
    expect(Array.from(blind.body).length).toBe(Array.from(seen.body).length);
    expect(blind.body.startsWith(`By ${MASK_CHAR.repeat(outletName.length)}\n\n`)).toBe(true);
    expect(blind.outletMasks).toEqual([{ start: 3, end: 3 + outletName.length }]);
    expect(seen).toMatchObject({ source: { id: sourceId, name: outletName }, byline, url, publishedAt: "2021-08-12", outletBlind: false });
    expect((await getArticle({ actor: outsider, id: articleId }))!.source?.name).toBe(outletName);
  });

  it("the article list; a list filtered by the source leaves the article out for the blind analyst", async () => {
    const find = async (actor: Actor, query = {}) => (await listArticles({ actor, query: ArticleListQuery.parse({ limit: 100, ...query }) })).items.find((a) => a.id === articleId);
    const all = await listArticles({ actor: blindAnalyst, query: ArticleListQuery.parse({ limit: 100 }) });
    const item = all.items.find((a) => a.id === articleId);
    if (item) expect(leaks(item)).toEqual([]);
    expect(await find(blindAnalyst, { sourceId })).toBeUndefined();
    expect((await find(reviewer, { sourceId }))?.source?.name).toBe(outletName);
  });

  it("My work", async () => {
    const work = await listMyWork({ actor: blindAnalyst });
    const mine = work.campaigns.find((c) => c.id === campaignId)!;
    expect(mine.items).toEqual([expect.objectContaining({ articleId, source: null, title: "Supporters attack checkpoints" })]);
    expect(leaks(work)).toEqual([]);
  });

  it("spans: a quote selected across the mask is stored as the text reads, and comes back as shown", async () => {
    const shown = (await getArticle({ actor: blindAnalyst, id: articleId }))!.body;
    const quote = Array.from(shown).slice(0, 12).join("");
    expect(quote).toContain(MASK_CHAR);
    const created = await createAnnotation({ actor: blindAnalyst, articleId, input: { label: "claim", start: 0, end: 12, quote } });
    expect(created.quote).toBe(quote);
    const stored = await db().annotation.findUniqueOrThrow({ where: { id: created.id }, select: { quote: true } });
    expect(stored.quote).toBe(`By ${outletName}`.slice(0, 12));
    const listed = await listAnnotations({ actor: blindAnalyst, articleId, query: { annotator: "me" } });
    expect(leaks(listed)).toEqual([]);
    const moved = await updateAnnotation({ actor: blindAnalyst, id: created.id, input: { version: created.version, start: 3, end: 3 + outletName.length, quote: MASK_CHAR.repeat(outletName.length) } });
    expect(moved.quote).toBe(MASK_CHAR.repeat(outletName.length));
    expect((await db().annotation.findUniqueOrThrow({ where: { id: created.id }, select: { quote: true } })).quote).toBe(outletName);
    // Any other quote is still refused: the check is the stored text's.
    await expect(createAnnotation({ actor: blindAnalyst, articleId, input: { label: "claim", start: 0, end: 3, quote: "XX " } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("their export carries no source, byline, URL, date or self-reference; a reviewer's does", async () => {
    const collect = async (actor: Actor, query: Record<string, string> = {}) => {
      const out = [];
      for await (const a of exportArticles({ actor, filters: ExportFilters.parse(query) })) if (a.id === articleId) out.push(a);
      return out;
    };
    const [blind] = await collect(blindAnalyst);
    expect(blind).toBeDefined();
    expect(leaks(blind)).toEqual([]);
    expect(blind!.source.name).toBe("Outlet hidden");
    expect(blind!.annotations.length).toBeGreaterThan(0);
    expect(await collect(blindAnalyst, { sourceId })).toEqual([]);
    expect((await countExport({ actor: blindAnalyst, filters: ExportFilters.parse({ sourceId }) })).articles).toBe(0);
    const [seen] = await collect(reviewer, { annotator: blindAnalyst.id });
    expect(seen).toMatchObject({ source: { name: outletName }, byline, url, publishedAt: "2021-08-12" });
  });

  it("the source page does not list the article to the blind analyst", async () => {
    const query = SourceViewQuery.parse({ basis: blindAnalyst.id });
    const blind = await sourceStats({ actor: blindAnalyst, sourceId, query });
    expect(blind.articleRows.map((r) => r.id)).not.toContain(articleId);
  });
});
