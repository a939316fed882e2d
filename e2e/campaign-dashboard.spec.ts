import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { annotate } from "./support/annotate-api";
import { signInPage, signInRequest } from "./support/fixtures";
import { shoot } from "./support/pages";

// Issue #15 §5: once every annotator of a campaign article submitted, a reviewer finds it in the
// review queue, and the campaign's dashboard shows agreement within and across panel groups.
// The campaign is set up through the API (the UI of creating and working through one is
// campaigns.spec.ts): two left raters and one right rater, k = 3, the left ones agreeing on a
// span and the right one marking another.

test("a reviewer sees a fully submitted campaign article in the review queue and agreement by panel group on the dashboard", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const unique = randomBytes(4).toString("hex");
  const field = `leaning_${unique}`;
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInRequest(admin, "admin");
  expect((await admin.post("/api/admin/profile-fields", { data: { key: field, name: `Leaning ${unique}`, type: "CHOICE", options: ["left", "centre", "right"] } })).status()).toBe(201);
  const raters: { id: string; name: string; api: APIRequestContext }[] = [];
  for (const [n, leaning] of [[1, "left"], [2, "left"], [3, "right"]] as const) {
    const email = `dashboard-${n}-${unique}@example.org`;
    const created = await admin.post("/api/admin/users", { data: { email, name: `Panel ${leaning} ${n} ${unique}`, role: "ANALYST", password: "dashboard rater password" } });
    expect(created.status(), await created.text()).toBe(201);
    const { user } = (await created.json()) as { user: { id: string; name: string } };
    expect((await admin.patch(`/api/admin/users/${user.id}`, { data: { profile: { [field]: leaning } } })).status()).toBe(200);
    const api = await playwrightRequest.newContext({ baseURL });
    await api.post("/api/auth/callback/credentials", { form: { email, password: "dashboard rater password", csrfToken: await csrf(api), json: "true" }, maxRedirects: 0 });
    expect((await api.get("/api/work")).status()).toBe(200);
    raters.push({ ...user, api });
  }
  const title = `Panel article ${unique}`;
  const created = await admin.post("/api/articles", {
    data: { source: { name: `Dashboard source ${unique}` }, title, body: `The so-called council met on Monday. Critics called the meeting theatrical. ${unique}`, publishedAt: "2024-03-01" },
  });
  const { id: articleId } = (await created.json()) as { id: string };
  const name = `Panels ${unique}`;
  const campaign = await admin.post("/api/campaigns", { data: { name, articleIds: [articleId], annotatorIds: raters.map((r) => r.id), overlap: 3, balanceBy: field, assignment: "static" } });
  expect(campaign.status(), await campaign.text()).toBe(201);
  const { id: campaignId } = (await campaign.json()) as { id: string };
  expect((await admin.post(`/api/campaigns/${campaignId}/start`)).status()).toBe(200);
  await admin.dispose();

  for (const [i, rater] of raters.entries()) {
    await annotate(rater.api, articleId, "loaded_language", i < 2 ? "so-called" : "theatrical");
    const submitted = await rater.api.put(`/api/articles/${articleId}/assignment`, { data: { status: "SUBMITTED" } });
    expect(submitted.status(), await submitted.text()).toBe(200);
    await rater.api.dispose();
  }

  const reviewer = await (await browser.newContext()).newPage();
  await signInPage(reviewer, "reviewer");
  await reviewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" }).click();
  await expect(reviewer.getByRole("heading", { name: "Review queue", level: 1 })).toBeVisible();
  const queued = reviewer.getByRole("list", { name: "Articles ready to adjudicate" }).getByRole("listitem").filter({ hasText: title });
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText(name);
  for (const rater of raters) await expect(queued).toContainText(rater.name);
  await shoot(reviewer, "review-queue");
  await queued.getByRole("link", { name: title }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/articles/${articleId}/compare`));

  await reviewer.goto(`/campaigns/${campaignId}`);
  await expect(reviewer.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const byGroup = reviewer.getByRole("table", { name: "Agreement by panel group" });
  // left × left: the two left raters agree on their span; left × right: no span in common.
  const within = byGroup.getByRole("row").filter({ hasText: "left × left" }).filter({ hasText: "Loaded language" });
  const across = byGroup.getByRole("row").filter({ hasText: "left × right" }).filter({ hasText: "Loaded language" });
  await expect(within).toContainText("1.00 / 1.00");
  await expect(across).toContainText("0.00 / 0.00");
  await expect(byGroup.getByRole("row").filter({ hasText: "Within a group" }).first()).toBeVisible();
  await expect(byGroup.getByRole("row").filter({ hasText: "Across groups" }).first()).toBeVisible();
  const annotators = reviewer.getByRole("table", { name: "Annotators' figures" });
  for (const rater of raters) await expect(annotators.getByRole("row").filter({ hasText: rater.name })).toBeVisible();
  await shoot(reviewer, "campaign-dashboard");
});

async function csrf(api: APIRequestContext): Promise<string> {
  return ((await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}
