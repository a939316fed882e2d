import { expect, test, type Page } from "@playwright/test";
import { signInPage } from "./support/fixtures";
import { selectTextWithMouse } from "./support/select-text";

const ARTICLE = "Supporters of armed groups attack Turkish checkpoints in Idlib, Aleppo";
const LONGER = "Supporters of the so-called Turkish-backed National Army took to the streets";

async function openSeedArticle(page: Page) {
  await page.goto("/articles");
  await page.getByRole("link", { name: ARTICLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ARTICLE);
}
const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /saved|Saving/ })).toHaveText("All changes saved");
const runsLabelled = (page: Page, label: string) => page.getByTestId("article-body").locator(`[data-labels~="${label}"]`);

test("an analyst tags overlapping spans, edits, deletes and undoes; layers stay private to analysts but not reviewers", async ({ browser }) => {
  const analyst = await (await browser.newContext()).newPage();
  await signInPage(analyst, "analyst1");
  await openSeedArticle(analyst);
  const body = analyst.getByTestId("article-body");

  await selectTextWithMouse(analyst, body, "so-called");
  await expect(analyst.getByRole("toolbar", { name: "Tag the selection" })).toBeVisible();
  await analyst.keyboard.press("3");
  await expect(runsLabelled(analyst, "loaded_language")).toHaveText(["so-called"]);
  await saved(analyst);

  await selectTextWithMouse(analyst, body, LONGER);
  await analyst.keyboard.press("4");
  await saved(analyst);
  await expect(analyst.getByTestId("count-unverified")).toHaveText("1");

  await analyst.reload();
  await expect(runsLabelled(analyst, "loaded_language")).toHaveText(["so-called"]);
  await expect(runsLabelled(analyst, "unverified")).toHaveText(["Supporters of the ", "so-called", " Turkish-backed National Army took to the streets"]);
  // "so-called" carries both labels: a click asks which one to open.
  await runsLabelled(analyst, "loaded_language").click();
  await analyst.getByRole("menuitem", { name: /Loaded language/ }).click();
  const details = analyst.getByRole("region", { name: "Selected annotation" });
  await details.getByLabel("Note").fill("Delegitimizes the National Army");
  await details.getByLabel("Connotation").click(); // leaving the note saves it
  await saved(analyst);
  await analyst.reload();
  await expect(analyst.getByRole("region", { name: "Annotations" })).toContainText("Delegitimizes the National Army");

  await analyst.getByRole("region", { name: "Annotations" }).getByRole("button", { name: /^Unverified “Supporters/ }).click();
  await analyst.keyboard.press("Delete");
  await expect(analyst.getByTestId("count-unverified")).toHaveText("0");
  await analyst.getByRole("button", { name: "Undo" }).click();
  await expect(analyst.getByTestId("count-unverified")).toHaveText("1");
  await analyst.reload();
  await expect(analyst.getByTestId("count-unverified")).toHaveText("1");

  const other = await (await browser.newContext()).newPage();
  await signInPage(other, "analyst2");
  await openSeedArticle(other);
  await expect(other.getByTestId("count-loaded_language")).toHaveText("0");
  await expect(runsLabelled(other, "loaded_language")).toHaveCount(0);

  const reviewer = await (await browser.newContext()).newPage();
  await signInPage(reviewer, "reviewer");
  await openSeedArticle(reviewer);
  await reviewer.getByLabel("Showing").selectOption("All annotators");
  await expect(runsLabelled(reviewer, "loaded_language")).toHaveText(["so-called"]);
  await expect(reviewer.getByRole("region", { name: "Annotations" })).toContainText("Amal Analyst");

  // An evidence link opens the article on that very highlight, in the layer that holds it.
  const articleId = new URL(reviewer.url()).pathname.split("/")[2]!;
  const { items } = (await (await reviewer.request.get(`/api/articles/${articleId}/annotations?annotator=all`)).json()) as { items: { id: string; label: string }[] };
  const loaded = items.find((a) => a.label === "loaded_language")!;
  await reviewer.goto("/articles");
  await reviewer.goto(`/articles/${articleId}#annotation-${loaded.id}`);
  await expect(reviewer.getByRole("region", { name: "Selected annotation" })).toContainText("“so-called”");
});
