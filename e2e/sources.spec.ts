import { randomBytes } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { expect, signInPage, signInRequest, test } from "./support/fixtures";
import { annotate, seedArticleOf } from "./support/annotate-api";

// Source views over the two seed articles, with spans this test adds as analyst1.
// Figures are read under analyst1's own basis, before and after, so spans other
// tests leave on the seed articles do not change what this test expects.

type Stats = { items: { source: { id: string; name: string }; labels: { key: string; count: number }[] }[] };
const SOURCES = ["Al Mayadeen English", "South Front"] as const;

let api: APIRequestContext;
let me: string;
const cp = (body: string, needle: string) => Array.from(body.slice(0, body.indexOf(needle))).length;
const countOf = (stats: Stats, source: string, label: string) =>
  stats.items.find((i) => i.source.name === source)!.labels.find((l) => l.key === label)!.count;
const indexStats = async () => (await (await api.get(`/api/sources/stats?basis=${me}`)).json()) as Stats;

test.beforeAll(async ({ baseURL }) => {
  api = await playwrightRequest.newContext({ baseURL });
  await signInRequest(api, "analyst1");
  me = ((await (await api.get("/api/auth/session")).json()) as { user: { id: string } }).user.id;
});
test.afterAll(() => api.dispose());

async function seedArticle(source: string) {
  const item = await seedArticleOf(api, source);
  const { body } = (await (await api.get(`/api/articles/${item.id}`)).json()) as { body: string };
  return { id: item.id, sourceId: item.sourceId, body };
}

async function tag(article: { id: string; body: string }, label: string, quote: string) {
  const start = cp(article.body, quote);
  const response = await api.post(`/api/articles/${article.id}/annotations`, { data: { label, start, end: start + Array.from(quote).length, quote } });
  expect(response.status()).toBe(201);
}

test("index, source page, evidence and compare show the spans analysts tagged", async ({ page, signInAs }) => {
  const [mayadeen, southFront] = await Promise.all(SOURCES.map(seedArticle));
  const before = await indexStats();
  await tag(mayadeen!, "loaded_language", "massive protests");
  await tag(mayadeen!, "unverified", "Thousands of supporters");
  await tag(southFront!, "loaded_language", southFront!.body.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))!);

  await signInAs("analyst1");
  await page.goto(`/sources?basis=${me}`);
  await expect(page.getByTestId("basis-statement")).toContainText("One annotator");
  for (const [source, label, added] of [[SOURCES[0], "loaded_language", 1], [SOURCES[0], "unverified", 1], [SOURCES[1], "loaded_language", 1]] as const) {
    const column = ["claim", "attribution", "loaded_language", "unverified"].indexOf(label);
    const cell = page.getByRole("row", { name: new RegExp(source) }).getByRole("cell").nth(2 + column);
    await expect(cell).toContainText(new RegExp(`^${countOf(before, source, label) + added} ·`));
  }

  await page.getByRole("link", { name: SOURCES[0] }).click();
  await expect(page.getByRole("heading", { level: 1, name: SOURCES[0] })).toBeVisible();
  await expect(page.getByRole("img", { name: /spans per 1,000 words/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Density per label by month/ })).toBeVisible();
  await page.getByRole("button", { name: /^Loaded language, Al Mayadeen English: .* show spans$/ }).click();
  const evidence = page.getByRole("region", { name: "Evidence" });
  await expect(evidence.getByRole("link", { name: "“massive protests”" })).toHaveAttribute("href", new RegExp(`^/articles/${mayadeen!.id}#annotation-`));

  await page.goto(`/sources/compare?ids=${mayadeen!.sourceId},${southFront!.sourceId}&basis=${me}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Compare: ${SOURCES.join(" · ")}`);
  const chart = page.getByRole("img", { name: /Al Mayadeen English vs South Front: spans per 1,000 words/ });
  await expect(chart).toBeVisible();
  await expect(page.getByRole("button", { name: /^Loaded language, South Front: .* show spans$/ })).toBeVisible();
});

test("sources API: create, rename, a taken name, and who may see which basis", async ({ baseURL }) => {
  const name = `E2E Source ${randomBytes(3).toString("hex")}`;
  const created = await api.post("/api/sources", { data: { name, homepage: "https://example.org" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await api.post("/api/sources", { data: { name } })).status()).toBe(409);
  // Anyone signed in creates a source; editing one is an admin's (the sources admin).
  expect((await api.patch(`/api/sources/${id}`, { data: { description: "mine" } })).status()).toBe(403);
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInRequest(admin, "admin");
  const renamed = await admin.patch(`/api/sources/${id}`, { data: { name: `${name} renamed`, description: "A test outlet" } });
  expect(await renamed.json()).toMatchObject({ id, name: `${name} renamed`, description: "A test outlet" });
  await admin.dispose();
  expect((await api.post("/api/sources", { data: { name: "" } })).status()).toBe(422);
  const other = "00000000-0000-4000-8000-000000000000";
  expect((await api.get(`/api/sources/${id}/stats?basis=${other}`)).status()).toBe(403);
  // The blind rule: pooled figures of others' work and gold are for reviewers; an analyst's default is their own layer.
  expect((await api.get(`/api/sources/${id}/stats?basis=gold`)).status()).toBe(403);
  expect((await api.get(`/api/sources/${id}/stats?basis=all`)).status()).toBe(403);
  expect(((await (await api.get(`/api/sources/${id}/stats`)).json()) as { basis: { key: string } }).basis.key).toBe(me);
  expect((await api.get(`/api/sources/${id}/evidence?label=claim`)).status()).toBe(200);
});

test("the index shows mean agreement to reviewers, with what it rests on; analysts see it is not for them", async ({ page, browser, baseURL, signInAs }) => {
  const second = await playwrightRequest.newContext({ baseURL });
  await signInRequest(second, "analyst2");
  const article = await seedArticle(SOURCES[1]);
  const word = article.body.split(/\s+/).find((w) => /^[A-Za-z]{7,}$/.test(w))!;
  await tag(article, "loaded_language", word);
  await annotate(second, article.id, "loaded_language", word);
  await second.dispose();

  // By the header's place, not a fixed index: a label an admin adds (another spec may) adds a column before it.
  const agreementCell = async (on: Page, source: string) => {
    const headers = await on.getByRole("columnheader").allTextContents();
    const at = headers.findIndex((h) => /Agreement \(uα\)/.test(h));
    return on.getByRole("row", { name: new RegExp(source) }).getByRole("cell").nth(at - 1); // the row starts with its header cell
  };
  await signInAs("reviewer");
  await page.goto("/sources");
  await expect(page.getByRole("columnheader", { name: /Agreement \(uα\)/ })).toBeVisible();
  // The figure appears once the background jobs have folded and recomputed the article: a state a
  // busy full suite reaches later than a quiet machine, so the ceiling is generous.
  await expect(async () => {
    await page.reload();
    await expect(await agreementCell(page, SOURCES[1])).toHaveText(/^-?\d\.\d\d \(n=\d+\)$/, { timeout: 5_000 });
  }).toPass({ timeout: 180_000 });
  await expect(await agreementCell(page, SOURCES[1])).toHaveAttribute("title", /mean uα .* over \d+ article\(s\) with two or more annotators/);

  const analyst = await browser.newPage({ baseURL });
  await signInPage(analyst, "analyst1");
  await analyst.goto("/sources");
  await expect(analyst.getByRole("columnheader", { name: /Agreement \(uα\)/ })).toBeVisible();
  await expect(await agreementCell(analyst, SOURCES[1])).toHaveText("n/a");
  await expect(await agreementCell(analyst, SOURCES[1])).toHaveAttribute("title", /shown to reviewers and admins/);
  await analyst.close();
});
