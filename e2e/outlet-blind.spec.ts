import { randomBytes } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { expect, request as playwrightRequest, test, type APIResponse } from "@playwright/test";
import { EXPORT_FORMAT_KEYS } from "../lib/schemas/datasets";
import { signInRequest } from "./support/fixtures";
import { selectTextWithMouse } from "./support/select-text";
import { shoot, signInWith } from "./support/pages";

// Outlet-blind campaigns (issue #15 §4, decision 0025). An article whose outlet names itself in
// its title, byline and text is put in an outlet-blind campaign; its analyst opens it from My work
// and must find the outlet nowhere: not on the page (nor in the data the page carries), not in the
// article routes, My work, the annotations or any export they can make. The self-reference is
// masked at the same offsets, and a span selected across it is stored with the true quote.
const MASK = "█";

/** A response's text, zips (brat) unpacked so nothing hides in compression. */
async function textOf(response: APIResponse): Promise<string> {
  const body = await response.body();
  if (response.headers()["content-type"]?.startsWith("application/zip")) return Object.entries(unzipSync(new Uint8Array(body))).map(([name, data]) => `${name}\n${strFromU8(data)}`).join("\n");
  return body.toString("utf8");
}

test("an analyst of an outlet-blind campaign sees no outlet anywhere, and a span across the masked self-reference keeps its true quote", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const unique = randomBytes(4).toString("hex");
  const outlet = `Blindfold Herald ${unique}`;
  const byline = `Byline Person ${unique}`;
  const url = `https://blindfold-${unique}.example/story`;
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInRequest(admin, "admin");
  const email = `outlet-blind-${unique}@example.org`;
  const created = await admin.post("/api/admin/users", { data: { email, name: `Blind rater ${unique}`, role: "ANALYST", password: "outlet blind password" } });
  expect(created.status(), await created.text()).toBe(201);
  const { user } = (await created.json()) as { user: { id: string } };
  const body = `Officials called the talks constructive, as ${outlet} reported on Monday. Critics called them theatrical. ${unique}`;
  const article = await admin.post("/api/articles", { data: { source: { name: outlet }, title: `Talks described as theatrical - ${outlet}`, byline, url, publishedAt: "1999-02-03", body } });
  expect(article.status(), await article.text()).toBe(201);
  const { id: articleId } = (await article.json()) as { id: string };

  const reviewer = await playwrightRequest.newContext({ baseURL });
  await signInRequest(reviewer, "reviewer");
  const campaign = await reviewer.post("/api/campaigns", { data: { name: `Blind panel ${unique}`, articleIds: [articleId], annotatorIds: [user.id], overlap: 1, assignment: "static", blindOutlet: true } });
  expect(campaign.status(), await campaign.text()).toBe(201);
  const { id: campaignId } = (await campaign.json()) as { id: string };
  expect((await reviewer.post(`/api/campaigns/${campaignId}/start`)).status()).toBe(200);

  const secrets = [outlet, outlet.toLowerCase(), byline, url, `blindfold-${unique}`, "1999"];
  const leaksIn = (text: string) => secrets.filter((s) => text.includes(s));

  // The analyst opens the article from My work.
  const page = await signInWith(browser, email, "outlet blind password");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My work" }).click();
  const mine = page.getByRole("list", { name: `Your articles in Blind panel ${unique}` });
  await expect(mine.getByRole("listitem")).toHaveCount(1);
  await expect(mine.getByText("Outlet hidden")).toBeVisible();
  expect(leaksIn(await page.content())).toEqual([]);
  await shoot(page, "outlet-blind-work");
  await mine.getByRole("link", { name: "Talks described as theatrical" }).click();
  const text = page.getByTestId("article-body");
  await expect(text).toContainText(`as ${MASK.repeat(outlet.length)} reported`);
  // Announced as one hidden name, not read out block by block.
  await expect(text.getByRole("img", { name: "outlet name hidden" })).toHaveText(MASK.repeat(outlet.length));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Talks described as theatrical");
  await expect(page.getByText("Outlet hidden: an outlet-blind campaign")).toBeVisible();
  await expect(page.getByText(/\d+ words$/)).toHaveText("17 words");
  expect(leaksIn(await page.content())).toEqual([]);
  await shoot(page, "outlet-blind-annotator");

  // A span across the mask: saved, and stored with the text's own words.
  await selectTextWithMouse(page, text, `as ${MASK.repeat(outlet.length)} reported`);
  await expect(page.getByRole("toolbar", { name: "Tag the selection" })).toBeVisible();
  await page.keyboard.press("1");
  await expect(page.getByRole("status").filter({ hasText: /saved|Saving/ })).toHaveText("All changes saved");
  const stored = (await (await reviewer.get(`/api/articles/${articleId}/annotations?annotator=${user.id}`)).json()) as { items: { quote: string; start: number }[] };
  expect(stored.items.map((a) => a.quote)).toEqual([`as ${outlet} reported`]);
  expect(stored.items[0]!.start).toBe(Array.from(body.slice(0, body.indexOf(`as ${outlet}`))).length);
  expect(leaksIn(await page.content())).toEqual([]);

  // Every route and page the analyst can ask about the article.
  const api = page.request;
  const asked = [
    `/api/articles/${articleId}`,
    "/api/articles?limit=100",
    "/api/work",
    `/api/articles/${articleId}/annotations?annotator=me`,
    ...EXPORT_FORMAT_KEYS.flatMap((format) => [`/api/export?format=${format}`, `/api/export?format=${format}&annotationsOnly=1`]),
    `/articles/${articleId}`,
    "/work",
    "/",
  ];
  for (const path of asked) {
    const response = await api.get(path);
    // A format that needs the text refuses annotationsOnly (422): what it says must not leak either.
    expect(path.includes("annotationsOnly") ? [200, 422] : [200], path).toContain(response.status());
    expect(leaksIn(await textOf(response)), path).toEqual([]);
  }
  // The article list: its row names no outlet (the source filter above it lists every source by name).
  await page.goto("/articles");
  const row = page.getByRole("row").filter({ hasText: "Talks described as theatrical" });
  await expect(row).toContainText("Outlet hidden");
  expect(leaksIn(await row.innerText())).toEqual([]);

  // The reviewer, who plans and adjudicates, sees the outlet.
  const seen = (await (await reviewer.get(`/api/articles/${articleId}`)).json()) as { source: { name: string }; byline: string; body: string };
  expect(seen).toMatchObject({ source: { name: outlet }, byline, body });
  await Promise.all([admin.dispose(), reviewer.dispose(), page.context().close()]);
});
