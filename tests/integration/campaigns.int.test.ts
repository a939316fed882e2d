import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { createProfileField } from "../../lib/db/accounts/profile-fields";
import { setAssignmentStatus } from "../../lib/db/articles/assignments";
import { createCampaign, updateCampaign } from "../../lib/db/campaigns/campaigns";
import { pullNextArticle } from "../../lib/db/campaigns/next";
import { getCampaign, listCampaigns } from "../../lib/db/campaigns/read";
import { startCampaign } from "../../lib/db/campaigns/start";
import { listMyWork } from "../../lib/db/campaigns/work";
import { db } from "../../lib/db/client";
import { CreateCampaignInput } from "../../lib/schemas/campaigns";
import { makeArticle, makeUser, unique } from "../support/factories";

const LEANINGS = ["left", "centre", "right"];
let admin: Actor, reviewer: Actor, leaning: string;

beforeAll(async () => {
  [admin, reviewer] = await Promise.all([makeUser("ADMIN"), makeUser("REVIEWER")]);
  leaning = unique("leaning").replace(/-/g, "_");
  await createProfileField({ actor: admin, input: { key: leaning, name: "Leaning", type: "CHOICE", options: LEANINGS } });
});

/** Analysts with the given leanings (null: no value). */
async function analysts(groups: (string | null)[]): Promise<Actor[]> {
  const people = await Promise.all(groups.map(() => makeUser("ANALYST")));
  await Promise.all(people.map((p, i) => db().user.update({ where: { id: p.id }, data: { profile: groups[i] ? { [leaning]: groups[i] } : {} } })));
  return people;
}
const articles = async (n: number) => Promise.all(Array.from({ length: n }, () => makeArticle(null))).then((list) => list.map((a) => a.id));
const campaign = (input: Partial<CreateCampaignInput> & Pick<CreateCampaignInput, "annotatorIds" | "assignment" | "overlap">) =>
  createCampaign({ actor: reviewer, input: CreateCampaignInput.parse({ name: unique("Campaign"), ...input }) });

/** Held hand-outs of a campaign (not abandoned), per article. */
async function holdersByArticle(campaignId: string): Promise<Map<string, string[]>> {
  const rows = await db().campaignAssignment.findMany({ where: { campaignId, abandonedAt: null }, select: { articleId: true, userId: true } });
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.articleId, [...(map.get(r.articleId) ?? []), r.userId]);
  return map;
}

describe("static campaigns", () => {
  it("start hands out the whole matrix: k per article, one of each leaning, loads even, Assignment rows ASSIGNED", async () => {
    const pool = await analysts(["left", "left", "centre", "centre", "right", "right", null]);
    const ids = await articles(40);
    const created = await campaign({ articleIds: ids, annotatorIds: pool.map((p) => p.id), overlap: 3, balanceBy: leaning, assignment: "static", dueAt: "2030-01-31" });
    expect(created).toMatchObject({ status: "DRAFT", articleCount: 40, memberCount: 7, dueAt: "2030-01-31T23:59:59.999Z", progress: { slots: 120, handedOut: 0 } });

    const started = await startCampaign({ actor: reviewer, id: created.id });
    expect(started).toEqual({ status: "RUNNING", handedOut: 120, shortfalls: [] });
    const group = new Map(pool.map((p, i) => [p.id, [..."llccrr"][i] ?? null]));
    const holders = await holdersByArticle(created.id);
    expect(holders.size).toBe(40);
    for (const who of holders.values()) {
      expect(new Set(who).size).toBe(3);
      expect(new Set(who.map((id) => group.get(id)))).toEqual(new Set(["l", "c", "r"]));
    }
    const loads = pool.slice(0, 6).map((p) => [...holders.values()].filter((w) => w.includes(p.id)).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(await db().assignment.count({ where: { articleId: { in: ids }, status: "ASSIGNED" } })).toBe(120);

    const work = await listMyWork({ actor: pool[0]! });
    const mine = work.campaigns.find((c) => c.id === created.id)!;
    expect(mine).toMatchObject({ assignment: "static", dueAt: "2030-01-31T23:59:59.999Z", mine: { handedOut: loads[0], submitted: 0 }, overall: { slots: 120, submitted: 0 } });
    await setAssignmentStatus({ actor: pool[0]!, articleId: mine.items[0]!.articleId, status: "SUBMITTED" });
    const after = (await listMyWork({ actor: pool[0]! })).campaigns.find((c) => c.id === created.id)!;
    expect(after.items[0]!.status).toBe("SUBMITTED");
    expect(after.overall.submitted).toBe(1);
    expect((await getCampaign({ actor: admin, id: created.id })).progress).toEqual({ slots: 120, handedOut: 120, submitted: 1 });

    await expect(startCampaign({ actor: reviewer, id: created.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateCampaign({ actor: reviewer, id: created.id, input: { overlap: 2 } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("reports the shortfalls with reasons when the pool cannot fill or balance, and hands out added articles at once", async () => {
    const pool = await analysts(["left", "centre"]);
    const ids = await articles(3);
    const created = await campaign({ articleIds: ids, annotatorIds: pool.map((p) => p.id), overlap: 3, balanceBy: leaning, assignment: "static" });
    const started = await startCampaign({ actor: reviewer, id: created.id });
    expect(started.handedOut).toBe(6);
    expect(started.shortfalls.map((s) => s.reason)).toEqual(Array(3).fill("2 of 3 annotators: the pool has only 2"));
    const [extra] = await articles(1);
    const updated = await updateCampaign({ actor: reviewer, id: created.id, input: { addArticleIds: [extra!, ids[0]!], description: "more" } });
    expect(updated).toMatchObject({ articleCount: 4, description: "more" });
    expect(updated.shortfalls).toHaveLength(4);
    expect((await holdersByArticle(created.id)).get(extra!)).toHaveLength(2);
  });

  it("refuses analysts, unknown annotators and a free-text balance field, writing nothing", async () => {
    const [analyst] = await analysts(["left"]);
    const before = await db().campaign.count();
    await expect(createCampaign({ actor: analyst!, input: { name: "x", annotatorIds: [analyst!.id], overlap: 1, assignment: "static" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listCampaigns({ actor: analyst! })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(campaign({ annotatorIds: ["00000000-0000-4000-8000-000000000000"], overlap: 1, assignment: "static" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const text = unique("note").replace(/-/g, "_");
    await createProfileField({ actor: admin, input: { key: text, name: "Note", type: "TEXT", options: [] } });
    await expect(campaign({ annotatorIds: [analyst!.id], overlap: 1, balanceBy: text, assignment: "static" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db().campaign.count()).toBe(before);
  });
});

describe("editing a draft", () => {
  it("changes any setting and replaces the pool; unknown labels or guideline versions are refused; every change is audited", async () => {
    const [a, b, c] = await analysts(["left", "centre", "right"]);
    const ids = await articles(2);
    const created = await campaign({ articleIds: ids, annotatorIds: [a!.id], overlap: 1, assignment: "static" });
    const edited = await updateCampaign({ actor: admin, id: created.id, input: { annotatorIds: [b!.id, c!.id], overlap: 2, balanceBy: leaning, assignment: "dynamic", abandonAfterMinutes: 15, dueAt: null } });
    expect(edited).toMatchObject({ overlap: 2, balanceBy: leaning, assignment: "dynamic", abandonAfterMinutes: 15, dueAt: null, memberCount: 2, balanceOptions: LEANINGS });
    expect(edited.members.map((m) => m.group).sort()).toEqual(["centre", "right"]);
    await expect(updateCampaign({ actor: admin, id: created.id, input: { labels: ["no_such_label"] } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(updateCampaign({ actor: admin, id: created.id, input: { guidelineVersion: 999_999 } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await getCampaign({ actor: reviewer, id: created.id })).overlap).toBe(2);
    const events = await db().auditEvent.findMany({ where: { entityType: "Campaign", entityId: created.id }, select: { action: true } });
    expect(events.map((e) => e.action).sort()).toEqual(["campaign.create", "campaign.update"]);
  });
});

describe("dynamic campaigns", () => {
  it("20 analysts pulling at once, one of them twice: never over k, never one article twice to a person", async () => {
    const pool = await analysts(Array.from({ length: 20 }, (_, i) => LEANINGS[i % 3]!));
    const ids = await articles(8);
    const created = await campaign({ articleIds: ids, annotatorIds: pool.map((p) => p.id), overlap: 2, balanceBy: leaning, assignment: "dynamic" });
    await expect(pullNextArticle({ actor: pool[0]!, campaignId: created.id })).rejects.toMatchObject({ code: "CONFLICT" }); // a draft hands nothing out
    await startCampaign({ actor: reviewer, id: created.id });

    const pulls = await Promise.all([...pool, pool[0]!].map((actor) => pullNextArticle({ actor, campaignId: created.id })));
    const first = pulls[0]!;
    expect(pulls[20]).toMatchObject({ articleId: first.articleId }); // the same analyst twice: the article they hold
    const check = async () => {
      const rows = await db().campaignAssignment.findMany({ where: { campaignId: created.id }, select: { articleId: true, userId: true, abandonedAt: true } });
      expect(new Set(rows.map((r) => `${r.articleId}:${r.userId}`)).size).toBe(rows.length);
      for (const who of (await holdersByArticle(created.id)).values()) expect(who.length).toBeLessThanOrEqual(2);
      return rows.length;
    };
    expect(await check()).toBe(16); // 8 articles × k = 2: four analysts got nothing
    expect(pulls.filter((p) => p === null)).toHaveLength(4);

    // Everyone submits and pulls again, in parallel, until nothing is left.
    for (let round = 0; round < 3; round++) {
      const held = await db().campaignAssignment.findMany({ where: { campaignId: created.id }, select: { articleId: true, userId: true } });
      await Promise.all(held.map((h) => setAssignmentStatus({ actor: pool.find((p) => p.id === h.userId)!, articleId: h.articleId, status: "SUBMITTED" })));
      const again = await Promise.all(pool.map((actor) => pullNextArticle({ actor, campaignId: created.id })));
      expect(again.every((p) => p === null || !p.resumed)).toBe(true);
      await check();
    }
    expect((await getCampaign({ actor: reviewer, id: created.id })).progress.handedOut).toBe(16);
  });

  it("work untouched for the campaign's abandonment time goes back to the pool", async () => {
    const [a, b] = await analysts(["left", "right"]);
    const [articleId] = await articles(1);
    const created = await campaign({ articleIds: [articleId!], annotatorIds: [a!.id, b!.id], overlap: 1, assignment: "dynamic", abandonAfterMinutes: 30 });
    await startCampaign({ actor: reviewer, id: created.id });
    expect(await pullNextArticle({ actor: a!, campaignId: created.id })).toMatchObject({ articleId, resumed: false });
    expect(await pullNextArticle({ actor: b!, campaignId: created.id })).toBeNull();

    // Half an hour and more without a sign of work from A.
    await db().$executeRaw`UPDATE "CampaignAssignment" SET "handedOutAt" = now() - interval '31 minutes' WHERE "campaignId" = ${created.id}::uuid`;
    await db().$executeRaw`UPDATE "Assignment" SET "updatedAt" = now() - interval '31 minutes' WHERE "articleId" = ${articleId}::uuid`;
    expect(await pullNextArticle({ actor: b!, campaignId: created.id })).toMatchObject({ articleId, resumed: false });
    expect((await listMyWork({ actor: a! })).campaigns.find((c) => c.id === created.id)!.items).toEqual([]);
    expect((await listMyWork({ actor: b! })).campaigns.find((c) => c.id === created.id)!.items.map((i) => i.articleId)).toEqual([articleId]);
    // A submitted hand-out is never abandoned, however old.
    await setAssignmentStatus({ actor: b!, articleId: articleId!, status: "SUBMITTED" });
    await db().$executeRaw`UPDATE "CampaignAssignment" SET "handedOutAt" = now() - interval '2 days' WHERE "campaignId" = ${created.id}::uuid`;
    expect(await pullNextArticle({ actor: a!, campaignId: created.id })).toBeNull();
    expect((await holdersByArticle(created.id)).get(articleId!)).toEqual([b!.id]);
  });

  it("a closed campaign hands out nothing more and takes no articles; its work stays on My work", async () => {
    const [a, b] = await analysts(["left", "right"]);
    const ids = await articles(2);
    const created = await campaign({ articleIds: ids, annotatorIds: [a!.id, b!.id], overlap: 1, assignment: "dynamic" });
    await startCampaign({ actor: reviewer, id: created.id });
    const held = await pullNextArticle({ actor: a!, campaignId: created.id });
    expect((await updateCampaign({ actor: reviewer, id: created.id, input: { status: "CLOSED" } })).status).toBe("CLOSED");
    await expect(pullNextArticle({ actor: b!, campaignId: created.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateCampaign({ actor: reviewer, id: created.id, input: { addArticleIds: await articles(1) } })).rejects.toMatchObject({ code: "CONFLICT" });
    const work = (await listMyWork({ actor: a! })).campaigns.find((c) => c.id === created.id)!;
    expect(work).toMatchObject({ status: "CLOSED", items: [{ articleId: held!.articleId }] });
  });

  it("only the pool pulls: outsiders are told the campaign does not exist (analysts) or that they are not in it", async () => {
    const [member, outsider] = await analysts(["left", "left"]);
    const created = await campaign({ articleIds: await articles(1), annotatorIds: [member!.id], overlap: 1, assignment: "dynamic" });
    await startCampaign({ actor: reviewer, id: created.id });
    await expect(pullNextArticle({ actor: outsider!, campaignId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(pullNextArticle({ actor: reviewer, campaignId: created.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listMyWork({ actor: outsider! })).campaigns.find((c) => c.id === created.id)).toBeUndefined();
  });
});
