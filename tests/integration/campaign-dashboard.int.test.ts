import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { createProfileField } from "../../lib/db/accounts/profile-fields";
import { setAssignmentStatus } from "../../lib/db/articles/assignments";
import { createCampaign } from "../../lib/db/campaigns/campaigns";
import { getCampaignDashboard } from "../../lib/db/campaigns/dashboard";
import { getReviewQueue } from "../../lib/db/campaigns/review-queue";
import { startCampaign } from "../../lib/db/campaigns/start";
import { db } from "../../lib/db/client";
import { refreshAgreementInBackground } from "../../lib/db/figures/agreement";
import { seedLabels } from "../../lib/db/seed";
import { createAnnotation } from "../../lib/db/spans/annotations";
import { CreateCampaignInput } from "../../lib/schemas/campaigns";
import { CampaignDashboard, ReviewQueue } from "../../lib/schemas/responses/campaign-dashboard";
import { agreementPool } from "../../lib/runtime/agreement-pool";
import { loadSeeds } from "../../seeds/load";
import { until } from "../support/until";
import { makeArticle, makeUser, unique } from "../support/factories";

// Issue #15 §5 on a small campaign with known spans. Two left raters (l1, l2) and one right (r):
// on every article l1 and l2 mark "so-called"; r marks "council" on A and "so-called" on C and D.
//   A: all three submitted, r disagrees           → in the queue, most disagreement
//   B: only l1 and l2 submitted (r never started) → not ready
//   C: all three submitted, agree, adjudicated    → not in the queue any more
//   D: all three submitted, agree                 → in the queue, after A
const BODY = "The so-called council met. Activists said so.";
const SO_CALLED = { start: 4, end: 13, quote: "so-called" };
const COUNCIL = { start: 14, end: 21, quote: "council" };
let admin: Actor, reviewer: Actor, l1: Actor, l2: Actor, r: Actor, leaning: string;

beforeAll(async () => {
  await seedLabels(db(), (await loadSeeds()).labels);
  [admin, reviewer, l1, l2, r] = await Promise.all([makeUser("ADMIN"), makeUser("REVIEWER"), makeUser("ANALYST"), makeUser("ANALYST"), makeUser("ANALYST")]);
  leaning = unique("leaning").replace(/-/g, "_");
  await createProfileField({ actor: admin, input: { key: leaning, name: "Leaning", type: "CHOICE", options: ["left", "centre", "right"] } });
  for (const [who, value] of [[l1, "left"], [l2, "left"], [r, "right"]] as const) await db().user.update({ where: { id: who.id }, data: { profile: { [leaning]: value } } });
});

const tag = (actor: Actor, articleId: string, span: typeof SO_CALLED) => createAnnotation({ actor, articleId, input: { label: "loaded_language", ...span } });
const submit = (actor: Actor, articleId: string) => setAssignmentStatus({ actor, articleId, status: "SUBMITTED" });

describe("reviewer queue and campaign dashboard", () => {
  it("queues exactly the fully submitted articles, most disagreement first, and splits agreement within and across panel groups", async () => {
    const source = unique("Dashboard source");
    const [a, b, c, d, loose] = await Promise.all(["A", "B", "C", "D", "E"].map((t) => makeArticle(null, { source, title: `${t} ${unique("t")}`, body: `${BODY} ${unique(t)}` })));
    const created = await createCampaign({
      actor: reviewer,
      input: CreateCampaignInput.parse({ name: unique("Dashboard"), articleIds: [a!.id, b!.id, c!.id, d!.id], annotatorIds: [l1.id, l2.id, r.id], overlap: 3, balanceBy: leaning, assignment: "static" }),
    });
    await startCampaign({ actor: reviewer, id: created.id });
    for (const article of [a!, b!, c!, d!]) {
      for (const left of [l1, l2]) {
        await tag(left, article.id, SO_CALLED);
        await submit(left, article.id);
      }
    }
    await tag(r, a!.id, COUNCIL);
    for (const article of [a!, c!, d!]) {
      if (article !== a) await tag(r, article.id, SO_CALLED);
      await submit(r, article.id);
    }
    // C is adjudicated: gold "so-called" and "council".
    const label = await db().label.findUniqueOrThrow({ where: { key: "loaded_language" } });
    for (const span of [SO_CALLED, COUNCIL]) {
      await db().goldAnnotation.create({ data: { articleId: c!.id, labelId: label.id, ...span, prefix: "", suffix: "", adjudicatorId: reviewer.id } });
    }
    await db().article.update({ where: { id: c!.id }, data: { goldStatus: "ADJUDICATED" } });
    // Outside campaigns: two submitted raters make an article ready too.
    for (const who of [l1, l2]) {
      await tag(who, loose!.id, SO_CALLED);
      await submit(who, loose!.id);
    }
    // A draft campaign holding it gives it no panel yet: it still counts as outside campaigns.
    await createCampaign({ actor: reviewer, input: CreateCampaignInput.parse({ name: unique("Draft"), articleIds: [loose!.id], annotatorIds: [l1.id], overlap: 1, assignment: "static" }) });
    // The stored per-article alpha the queue ranks by, as the background job keeps it. Waited for as a
    // state: a fold another test file holds makes one refresh return before the articles are computed.
    await until("the campaign articles' stored agreement", async () => {
      await refreshAgreementInBackground(Infinity);
      return (await db().articleAgreement.count({ where: { articleId: { in: [a!.id, b!.id, c!.id, d!.id, loose!.id] } } })) === 5;
    });

    const queue = await getReviewQueue({ actor: reviewer, campaignId: created.id });
    expect(queue.items.map((i) => i.articleId)).toEqual([a!.id, d!.id]);
    expect(queue.total).toBe(2);
    expect(ReviewQueue.parse(queue)).toEqual(queue);
    expect(queue.campaign).toEqual({ id: created.id, name: created.name });
    await expect(getReviewQueue({ actor: reviewer, campaignId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [first, second] = queue.items;
    expect(first).toMatchObject({ source, goldStatus: "NONE", campaigns: [{ id: created.id, name: created.name }] });
    expect(first!.raters.map((x) => x.id).sort()).toEqual([l1.id, l2.id, r.id].sort());
    expect(first!.disagreement).toBeGreaterThan(second!.disagreement!);
    expect(second!.alpha).toBe(1);
    const everywhere = (await getReviewQueue({ actor: reviewer, limit: 100_000 })).items.map((i) => i.articleId);
    expect(everywhere).toEqual(expect.arrayContaining([a!.id, d!.id, loose!.id]));
    expect(everywhere).not.toContain(b!.id);
    expect(everywhere).not.toContain(c!.id);
    await expect(getReviewQueue({ actor: l1 })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const dash = await getCampaignDashboard({ actor: reviewer, id: created.id, waitMs: Infinity });
    expect(dash.progress).toEqual({ articles: 4, slots: 12, handedOut: 12, submitted: 11, fullySubmitted: 3 });
    expect(dash.articlesCompared).toBe(4);
    expect(CampaignDashboard.parse(dash)).toEqual(dash);
    const line = (kind: string, groups: string | null) => dash.byGroup.find((g) => g.key === "loaded_language" && g.kind === kind && (g.groups?.join("–") ?? null) === groups)!;
    // Within: l1–l2 on A, B, C, D, always the same span. Across: l·–r on A (no match) and C, D (match).
    expect(line("within", null)).toMatchObject({ articles: 4, f1Pooled: { exact: 1 } });
    expect(line("across", null)).toMatchObject({ articles: 6 });
    expect(line("across", null).f1Pooled.exact).toBeCloseTo(2 / 3);
    expect(line("within", "left–left")).toMatchObject({ articles: 4 });
    expect(line("across", "left–right")).toMatchObject({ articles: 6 });
    expect(dash.byLabel.find((l) => l.key === "loaded_language")).toMatchObject({ articles: 4 });

    const person = (id: string) => dash.annotators.find((x) => x.id === id)!;
    const words = a!.wordCount;
    expect(person(l1.id)).toMatchObject({ group: "left", submitted: 4, spans: 4, words: 4 * words, sharedArticles: 4, goldArticles: 1, outlier: false });
    expect(person(l1.id).spansPerThousandWords).toBeCloseTo(1000 / words);
    // r against l1 and l2 on A, C, D: 6 pair units, 4 with the same span.
    expect(person(r.id)).toMatchObject({ group: "right", submitted: 3, sharedArticles: 3, goldArticles: 1 });
    expect(person(r.id).withOthers).toBeCloseTo(2 / 3);
    // On C: one span each, two gold spans, one match: 2·1 / (1 + 2).
    expect(person(r.id).withGold).toBeCloseTo(2 / 3);
    await expect(getCampaignDashboard({ actor: l1, id: created.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Nothing changed: the remembered figures are used, no task runs on the worker.
    const completed = agreementPool.completed;
    expect(await getCampaignDashboard({ actor: reviewer, id: created.id, waitMs: Infinity })).toEqual(dash);
    expect(agreementPool.completed).toBe(completed);
    // r starts B and marks "so-called": B's raters and fingerprint move, and the figures follow.
    await tag(r, b!.id, SO_CALLED);
    const after = await getCampaignDashboard({ actor: reviewer, id: created.id, waitMs: Infinity });
    expect(agreementPool.completed).toBeGreaterThan(completed);
    expect(after.byGroup.find((g) => g.key === "loaded_language" && g.kind === "across" && g.groups === null)!.f1Pooled.exact).toBeGreaterThan(2 / 3);
  });
});
