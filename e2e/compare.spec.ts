import { expect, request as playwrightRequest, test } from "@playwright/test";
import { annotate, seedArticleOf } from "./support/annotate-api";
import { signInPage, signInRequest } from "./support/fixtures";

test("two analysts disagree; the reviewer sees both lanes and the kinds of disagreement, builds gold, and it persists", async ({ browser, baseURL }) => {
  const [a1, a2] = await Promise.all([playwrightRequest.newContext({ baseURL }), playwrightRequest.newContext({ baseURL })]);
  await signInRequest(a1, "analyst1");
  await signInRequest(a2, "analyst2");
  const { id: articleId } = await seedArticleOf(a1, "South Front");
  // Agreed: both tag the same loaded word. Label differs: same span, other label. Boundaries differ: overlapping spans.
  await annotate(a1, articleId, "loaded_language", "terrorists");
  await annotate(a2, articleId, "loaded_language", "terrorists");
  await annotate(a1, articleId, "unverified", "It comes down to speculation");
  await annotate(a2, articleId, "claim", "It comes down to speculation");
  await annotate(a1, articleId, "attribution", "According to sources");
  await annotate(a2, articleId, "attribution", "According to sources from the");
  await Promise.all([a1.dispose(), a2.dispose()]);

  const reviewer = await (await browser.newContext()).newPage();
  await signInPage(reviewer, "reviewer");
  await reviewer.goto(`/articles/${articleId}/compare`);
  const lanes = reviewer.getByRole("table", { name: "Lanes" });
  await expect(lanes.getByRole("columnheader")).toHaveText(["Text", "Amal Analyst", "Ben Analyst", "Gold"]);
  await expect(lanes.locator('[data-kind="agreed"]')).toHaveCount(2);
  await expect(lanes.locator('[data-kind="label"]')).toHaveCount(2);
  await expect(lanes.locator('[data-kind="boundary"]')).toHaveCount(2);
  await expect(reviewer.getByRole("table", { name: "Agreement by label" })).toContainText("Loaded language");

  await reviewer.getByRole("button", { name: "Accept all agreed spans (1)" }).click();
  await expect(lanes.locator('[data-lane="Gold"]').getByRole("group", { name: /Gold .* span/ })).toHaveCount(1);
  const boundaryRow = lanes.getByRole("row").filter({ hasText: "According to sources" });
  await boundaryRow.locator('[data-lane="Ben Analyst"]').getByRole("button", { name: "Accept into gold" }).click();
  await expect(lanes.locator('[data-lane="Gold"]').getByRole("group", { name: /Gold .* span/ })).toHaveCount(2);
  // Spans are still undecided (the label and one boundary disagreement): adjudication is refused,
  // then given with an override whose reason the server keeps.
  await reviewer.getByLabel("Gold status").selectOption("ADJUDICATED");
  await expect(reviewer.getByRole("alert").filter({ hasText: "undecided" })).toBeVisible();
  await expect(reviewer.getByLabel("Gold status")).toHaveValue("IN_PROGRESS");
  reviewer.once("dialog", (dialog) => void dialog.accept("the label disagreement is out of scope"));
  await reviewer.getByRole("button", { name: "Adjudicate anyway…" }).click();
  await expect(reviewer.getByLabel("Gold status")).toHaveValue("ADJUDICATED");
  await expect(reviewer.getByRole("status")).toHaveText("");

  await reviewer.reload();
  await expect(lanes.locator('[data-lane="Gold"]').getByRole("group", { name: /Gold .* span/ })).toHaveCount(2);
  await expect(reviewer.getByLabel("Gold status")).toHaveValue("ADJUDICATED");
  await expect(lanes.locator('[data-lane="Gold"]').filter({ hasText: "According to sources from the" })).toHaveCount(1);

  // Blind review hides the names.
  await reviewer.getByLabel("Hide annotator names").check();
  await expect(lanes.getByRole("columnheader")).toHaveText(["Text", "Annotator A", "Annotator B", "Gold"]);

  // The agreement report covers the article, with sample sizes, and downloads as CSV. Narrowed to the
  // article's source: other specs' campaigns put two-rater articles of their own into the whole report.
  const { source } = (await (await reviewer.request.get(`/api/articles/${articleId}`)).json()) as { source: { id: string } };
  await reviewer.goto(`/agreement?sourceId=${source.id}`);
  const byLabel = reviewer.getByRole("table", { name: "By label" });
  await expect(byLabel.getByRole("row").filter({ hasText: "Loaded language" })).toContainText("1.00 (");
  await expect(reviewer.getByRole("table", { name: "By annotator pair" })).toContainText("Amal Analyst × Ben Analyst");
  const [download] = await Promise.all([reviewer.waitForEvent("download"), reviewer.getByRole("button", { name: "Download CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString("utf8")).toMatch(new RegExp(`^# Slant agreement report; filters: sourceId=${source.id}\\r\\ntable,group,label,articles`));

  // Analysts may not open the compare view.
  const analyst = await (await browser.newContext()).newPage();
  await signInPage(analyst, "analyst1");
  const response = await analyst.goto(`/articles/${articleId}/compare`);
  expect(response?.status()).toBe(403);
  await expect(analyst.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
