import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signInPage, signInRequest } from "./support/fixtures";
import { selectTextWithMouse } from "./support/select-text";
import { shoot, signInWith } from "./support/pages";

// Issue #15 §1–3: a reviewer plans a balanced k = 3 campaign with three analysts of different
// leanings and starts it; each analyst finds the work on My work, annotates a span and submits
// with Submit & next until nothing is left. The articles are two of the test's own, in a source
// of their own: spans by three more raters on the seed articles would change what other specs
// (compare, sources) expect to find there.
const LEANINGS = ["left", "centre", "right"] as const;

test("a reviewer runs a balanced k = 3 campaign; each analyst works through it from My work with Submit & next", async ({ browser, baseURL }) => {
  test.setTimeout(360_000);
  const unique = randomBytes(4).toString("hex");
  const field = `leaning_${unique}`;
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInRequest(admin, "admin");
  expect((await admin.post("/api/admin/profile-fields", { data: { key: field, name: `Leaning ${unique}`, type: "CHOICE", options: [...LEANINGS] } })).status()).toBe(201);
  // Three fresh analysts, one per leaning, so no other spec's demo accounts gain campaign work.
  const analysts = [];
  for (const leaning of LEANINGS) {
    const email = `campaign-${leaning}-${unique}@example.org`;
    const created = await admin.post("/api/admin/users", { data: { email, name: `Rater ${leaning} ${unique}`, role: "ANALYST", password: "campaign rater password" } });
    expect(created.status(), await created.text()).toBe(201);
    const { user } = (await created.json()) as { user: { id: string; name: string } };
    expect((await admin.patch(`/api/admin/users/${user.id}`, { data: { profile: { [field]: leaning } } })).status()).toBe(200);
    analysts.push({ ...user, email, leaning });
  }
  const source = `Campaign source ${unique}`;
  for (const title of ["Ministers weigh ceasefire terms", "Markets steady after announcement"]) {
    const body = `${title}. Officials described the negotiations as constructive, while critics called them theatrical. ${unique}`;
    expect((await admin.post("/api/articles", { data: { source: { name: source }, title: `${title} ${unique}`, body, publishedAt: "2024-03-01" } })).status()).toBe(201);
  }
  await admin.dispose();

  // The reviewer creates the campaign on /campaigns.
  const reviewer = await (await browser.newContext()).newPage();
  await signInPage(reviewer, "reviewer");
  await reviewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(reviewer.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  const form = reviewer.getByRole("form", { name: "New campaign" });
  const name = `Seed panel ${unique}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Due date").fill("2030-06-30");
  await form.getByLabel("Sources").selectOption({ label: source });
  for (const a of analysts) await form.getByRole("checkbox", { name: new RegExp(a.name) }).check();
  await form.getByLabel("Annotators per article (k)").fill("3");
  await form.getByLabel("Balance panels by").selectOption({ label: `Leaning ${unique} (left, centre, right)` });
  await form.getByLabel("Assignment").selectOption("static");
  await shoot(reviewer, "campaigns-form");
  await form.getByRole("button", { name: "Create campaign" }).click();

  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(reviewer.getByText("2 articles · k = 3")).toBeVisible();
  await reviewer.getByRole("button", { name: "Start campaign" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Started" })).toHaveText("Started: 6 hand-outs, 0 shortfalls.");
  await expect(reviewer.getByRole("button", { name: "Start campaign" })).toBeHidden();
  // Every panel has one rater of each leaning.
  const panels = reviewer.getByRole("list", { name: /^Panel of / });
  await expect(panels).toHaveCount(2);
  for (const panel of await panels.all()) for (const leaning of LEANINGS) await expect(panel.getByText(leaning, { exact: true })).toBeVisible();
  await shoot(reviewer, "campaign-detail");
  const campaignUrl = reviewer.url();

  // Each analyst: My work lists both articles; annotate one span on each and Submit & next.
  for (const [index, a] of analysts.entries()) {
    const page = await signInWith(browser, a.email, "campaign rater password");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My work" }).click();
    const mine = page.getByRole("list", { name: `Your articles in ${name}` });
    await expect(mine.getByRole("listitem")).toHaveCount(2);
    await expect(mine.getByText("to do")).toHaveCount(2);
    if (index === 0) await shoot(page, "work");
    await mine.getByRole("link").first().click();
    for (let step = 0; step < 2; step++) {
      const body = page.getByTestId("article-body");
      await expect(body).toBeVisible();
      await selectTextWithMouse(page, body, "theatrical");
      await expect(page.getByRole("toolbar", { name: "Tag the selection" })).toBeVisible();
      await page.keyboard.press("1");
      await expect(page.getByRole("status").filter({ hasText: /saved|Saving/ })).toHaveText("All changes saved");
      const heading = await page.getByRole("heading", { level: 1 }).textContent();
      page.once("dialog", (dialog) => void dialog.accept());
      await page.getByRole("button", { name: "Submit & next" }).click();
      if (step === 0) await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(heading!);
    }
    await expect(page).toHaveURL(/\/work$/);
    await expect(mine.getByText("submitted", { exact: true })).toHaveCount(2);
    await page.context().close();
  }

  await reviewer.goto(campaignUrl);
  await expect(reviewer.getByRole("progressbar", { name: "Campaign progress" })).toHaveAttribute("aria-valuenow", "6");
  await shoot(reviewer, "campaign-done");

  // Extended later: a new article of the source is handed out at once to one rater of each leaning.
  const later = await reviewer.request.post("/api/articles", { data: { source: { name: source }, title: `Later article ${unique}`, body: `A later report, equally theatrical. ${unique}`, publishedAt: "2024-03-02" } });
  expect(later.status()).toBe(201);
  const adding = reviewer.getByRole("form", { name: "Add articles" });
  await adding.getByLabel("Sources").selectOption({ label: source });
  await adding.getByRole("button", { name: "Add matching articles" }).click();
  await expect(adding.getByRole("status")).toHaveText("Added 1 article, handed out now.");
  await expect(panels).toHaveCount(3);
  const added = reviewer.getByRole("list", { name: `Panel of Later article ${unique}` });
  for (const leaning of LEANINGS) await expect(added.getByText(leaning, { exact: true })).toBeVisible();
  await expect(reviewer.getByRole("progressbar", { name: "Campaign progress" })).toHaveAttribute("aria-valuemax", "9");
});

test("a dynamic campaign: the analyst pulls with Next article, Submit & next pulls again, and My work says when nothing is left", async ({ browser, baseURL }) => {
  const unique = randomBytes(4).toString("hex");
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInRequest(admin, "admin");
  const email = `campaign-dynamic-${unique}@example.org`;
  const created = await admin.post("/api/admin/users", { data: { email, name: `Puller ${unique}`, role: "ANALYST", password: "campaign rater password" } });
  const { user } = (await created.json()) as { user: { id: string } };
  const articleIds: string[] = [];
  for (const title of ["First pulled", "Second pulled"]) {
    const response = await admin.post("/api/articles", { data: { source: { name: `Dynamic source ${unique}` }, title: `${title} ${unique}`, body: `${title}: the speech was described as theatrical. ${unique}` } });
    articleIds.push(((await response.json()) as { id: string }).id);
  }
  const campaign = await admin.post("/api/campaigns", { data: { name: `Pull ${unique}`, articleIds, annotatorIds: [user.id], overlap: 1, assignment: "dynamic", abandonAfterMinutes: 60 } });
  expect(campaign.status(), await campaign.text()).toBe(201);
  const { id } = (await campaign.json()) as { id: string };
  expect((await admin.post(`/api/campaigns/${id}/start`)).status()).toBe(200);
  await admin.dispose();

  const page = await signInWith(browser, email, "campaign rater password");
  // Home is My work for someone with campaign work.
  await page.goto("/");
  await expect(page).toHaveURL(/\/work$/);
  await expect(page.getByText("Pull your first article with Next article.")).toBeVisible();
  await page.getByRole("button", { name: `Next article in Pull ${unique}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`First pulled ${unique}`);
  for (const title of ["First pulled", "Second pulled"]) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} ${unique}`);
    await selectTextWithMouse(page, page.getByTestId("article-body"), "theatrical");
    await page.keyboard.press("1");
    await expect(page.getByRole("status").filter({ hasText: /saved|Saving/ })).toHaveText("All changes saved");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Submit & next" }).click();
  }
  await expect(page).toHaveURL(/\/work$/);
  await expect(page.getByRole("list", { name: `Your articles in Pull ${unique}` }).getByText("submitted", { exact: true })).toHaveCount(2);
  await page.getByRole("button", { name: `Next article in Pull ${unique}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing left" })).toHaveText("Nothing left for you in this campaign right now.");
  await page.context().close();
});
