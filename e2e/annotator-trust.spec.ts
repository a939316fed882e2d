import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { annotate } from "./support/annotate-api";
import { signInPage } from "./support/fixtures";
import type { AccountName } from "./support/accounts";

// Issue #12 §1: work is never lost in the annotator. Each test makes its own
// article, so that it neither sees nor disturbs the other specs' annotations.

const BODY = "Activists said the so-called council met in secret. Officials denied it on Monday.";

type Annotation = { id: string; label: string; note: string | null; attributes: Record<string, unknown>; version: number };

async function analystOnNewArticle(browser: Browser, account: AccountName = "analyst1") {
  const page = await (await browser.newContext()).newPage();
  await signInPage(page, account);
  const created = await page.request.post("/api/articles", { data: { source: { name: "E2E Annotator trust" }, title: `Trust ${randomBytes(4).toString("hex")}`, body: BODY } });
  expect(created.status()).toBe(201);
  const articleId = ((await created.json()) as { id: string }).id;
  return { page, articleId };
}

async function openArticle(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId("article-body")).toHaveAttribute("data-ready", "true");
}

const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /saved|Saving/ })).toHaveText("All changes saved");
const details = (page: Page) => page.getByRole("region", { name: "Selected annotation" });
const annotationsOf = async (page: Page, articleId: string) =>
  ((await (await page.request.get(`/api/articles/${articleId}/annotations`)).json()) as { items: Annotation[] }).items;

test("typing after an autosave stays typing: Backspace corrects the text and never deletes the annotation", async ({ browser }) => {
  const { page, articleId } = await analystOnNewArticle(browser);
  const { id } = await annotate(page.request, articleId, "attribution", "Activists said");
  await openArticle(page, articleId);
  await page.getByRole("region", { name: "Annotations" }).getByRole("button", { name: /Attribution “Activists said”/ }).click();

  await details(page).getByLabel("Note").click();
  await page.keyboard.type("Vague source");
  await page.keyboard.press("Tab"); // to the first attribute: leaving the note saves it
  await expect(details(page).getByLabel("Who is cited")).toBeFocused();
  await saved(page);
  await expect.poll(async () => (await annotationsOf(page, articleId)).find((a) => a.id === id)?.note).toBe("Vague source");

  await page.keyboard.type("Activists!!");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await expect(details(page).getByLabel("Who is cited")).toBeFocused();
  await expect(details(page).getByLabel("Who is cited")).toHaveValue("Activists");
  await page.keyboard.press("Tab");
  await saved(page);

  const after = (await annotationsOf(page, articleId)).find((a) => a.id === id);
  expect(after, "the annotation still exists").toBeDefined();
  expect(after!.note).toBe("Vague source");
  expect(after!.attributes).toEqual({ speaker: "Activists" });
  await expect(page.getByTestId("count-attribution")).toHaveText("1");
});
