import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { annotate } from "./support/annotate-api";
import { signInPage } from "./support/fixtures";
import { selectTextWithMouse } from "./support/select-text";

// Issue #12 §1 and §3: submitting is final for an analyst (the API refuses
// their writes with 409 SUBMITTED_IS_FINAL), so the annotator must not offer
// edits that would be refused, nor lose what was typed when one is refused
// anyway. Each test makes its own article.

const BODY = "Activists said the so-called council met in secret. Officials denied it on Monday.";

type Annotation = { id: string; label: string; note: string | null; annotator: { id: string } };

async function signedIn(browser: Browser, account: "analyst1" | "analyst2") {
  const page = await (await browser.newContext()).newPage();
  await signInPage(page, account);
  return page;
}

async function newArticle(page: Page) {
  const unique = randomBytes(4).toString("hex");
  const created = await page.request.post("/api/articles", { data: { source: { name: "E2E Annotator submitted" }, title: `Submitted ${unique}`, body: `${BODY} Ref ${unique}.` } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function openArticle(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId("article-body")).toHaveAttribute("data-ready", "true");
}

const submit = async (page: Page, articleId: string) => expect((await page.request.put(`/api/articles/${articleId}/assignment`, { data: { status: "SUBMITTED" } })).status()).toBe(200);
const mine = async (page: Page, articleId: string) => ((await (await page.request.get(`/api/articles/${articleId}/annotations`)).json()) as { items: Annotation[] }).items;
const details = (page: Page) => page.getByRole("region", { name: "Selected annotation" });
const list = (page: Page) => page.getByRole("region", { name: "Annotations" });
const banner = (page: Page) => page.getByText("You submitted this article; your layer is final.");
const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /saved|Saving/ })).toHaveText("All changes saved");

test("a submitted analyst reads, steps and sees the others' layers, but nothing offers an edit that would be refused", async ({ browser }, testInfo) => {
  const other = await signedIn(browser, "analyst2");
  const page = await signedIn(browser, "analyst1");
  const articleId = await newArticle(page);
  await annotate(other.request, articleId, "claim", "Officials denied it");
  const { id } = await annotate(page.request, articleId, "loaded_language", "so-called");
  expect((await page.request.patch(`/api/annotations/${id}`, { data: { note: "Delegitimizes", version: 1 } })).status()).toBe(200);
  await submit(page, articleId);
  await openArticle(page, articleId);

  await expect(banner(page)).toBeVisible();
  await expect(page.getByText("A reviewer can reopen it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
  await expect(page.getByText("Recently deleted")).toHaveCount(0);

  // Selecting text offers no labels, and a label key tags nothing.
  await selectTextWithMouse(page, page.getByTestId("article-body"), "met in secret");
  await page.keyboard.press("1");
  await expect(page.getByRole("toolbar", { name: "Tag the selection" })).toHaveCount(0);
  await expect(page.getByTestId("count-claim")).toHaveText("0");

  // j steps to the annotation: its details read, but do not change.
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await expect(details(page)).toContainText("“so-called”");
  await expect(details(page)).toBeFocused();
  const note = details(page).getByLabel("Note");
  await expect(note).toHaveValue("Delegitimizes");
  await expect(note).not.toBeEditable();
  await expect(details(page).getByLabel("Connotation")).not.toBeEditable();
  await expect(details(page).getByLabel("Label")).toBeDisabled();
  await expect(details(page).getByRole("button", { name: "Delete annotation" })).toHaveCount(0);
  await expect(details(page).getByRole("group", { name: "Boundaries" })).toHaveCount(0);

  // Delete, undo and boundary keys on the focused annotation are inert: no request is even sent.
  const writes: string[] = [];
  page.on("request", (r) => void (r.method() !== "GET" && r.url().includes("/api/") && writes.push(`${r.method()} ${r.url()}`)));
  for (const key of ["Delete", "Backspace", "u", "Control+z", "Shift+U", "[", "}"]) await page.keyboard.press(key);
  await expect(page.getByTestId("count-loaded_language")).toHaveText("1");
  await expect(details(page)).toContainText("“so-called”");
  expect(await mine(page, articleId)).toMatchObject([{ id, label: "loaded_language", note: "Delegitimizes" }]);
  expect(writes).toEqual([]);

  for (const [width, height] of [[1024, 800], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await expect(banner(page)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`submitted-read-only-${width}.png`), fullPage: false });
    // The banner fits the phone: nothing lays out wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // Having submitted, the analyst may read the others' layers (the blind rule), through the layer switcher.
  await page.getByLabel("Showing").selectOption("All annotators");
  await expect(list(page).getByRole("button", { name: /Claim · .*“Officials denied it”/ })).toBeVisible();
  await list(page).getByRole("button", { name: /Claim · .*“Officials denied it”/ }).click();
  await expect(details(page).getByLabel("Note")).not.toBeEditable();
  await expect(details(page).getByRole("button", { name: "Delete annotation" })).toHaveCount(0);
  await page.context().close();
  await other.context().close();
});

test("Mark as done saves the note being typed before it submits; the annotator then turns read-only", async ({ browser }) => {
  const page = await signedIn(browser, "analyst1");
  const articleId = await newArticle(page);
  const { id } = await annotate(page.request, articleId, "attribution", "Activists said");
  await openArticle(page, articleId);
  await list(page).getByRole("button", { name: /Attribution “Activists said”/ }).click();

  // The note's save is held until the submit could overtake it: until the assignment has answered,
  // or until the button says it is saving first (what a submit that waits for pending saves shows).
  const assignmentAnswered = page.waitForResponse((r) => r.url().includes(`/api/articles/${articleId}/assignment`)).catch(() => null);
  const savingFirst = page.getByRole("button", { name: "Saving your changes…" }).waitFor().catch(() => null);
  await page.route(`**/api/annotations/${id}`, async (route) => {
    if (route.request().method() === "PATCH") await Promise.race([assignmentAnswered, savingFirst]);
    await route.fallback();
  });
  page.on("dialog", (dialog) => void dialog.accept());

  await details(page).getByLabel("Note").click();
  await page.keyboard.type("Who are these activists?");
  await page.getByRole("button", { name: "Mark as done" }).click();

  await expect(page.getByText("Done ✓")).toBeVisible();
  await expect(banner(page)).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toHaveCount(0);
  expect((await mine(page, articleId)).find((a) => a.id === id)?.note).toBe("Who are these activists?");
  await expect(details(page).getByLabel("Note")).toHaveValue("Who are these activists?");
  await expect(details(page).getByLabel("Note")).not.toBeEditable();
  await page.context().close();
});

test("submitted in another tab: the refused note stays on screen to copy, and the annotator turns read-only", async ({ browser }, testInfo) => {
  const page = await signedIn(browser, "analyst1");
  const articleId = await newArticle(page);
  const { id } = await annotate(page.request, articleId, "attribution", "Activists said");
  await openArticle(page, articleId);
  await list(page).getByRole("button", { name: /Attribution “Activists said”/ }).click();
  await details(page).getByLabel("Note").click();
  await page.keyboard.type("Line one of my reasoning\nline two — “quoted”");

  await submit(page, articleId); // the other tab (same session)
  await details(page).getByLabel("Who is cited").click(); // leaving the note sends it: refused with 409

  const unsent = page.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(unsent).toBeVisible();
  await expect(unsent.getByRole("textbox", { name: /Your note on “Activists said”/ })).toHaveValue("Line one of my reasoning\nline two — “quoted”");
  await expect(banner(page)).toBeVisible();
  // The field shows what is stored; what was typed is kept above, never silently dropped.
  await expect(details(page).getByLabel("Note")).toHaveValue("");
  await expect(details(page).getByLabel("Note")).not.toBeEditable();
  await expect(details(page).getByRole("button", { name: "Delete annotation" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
  expect((await mine(page, articleId)).find((a) => a.id === id)?.note).toBeNull();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(unsent).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("submitted-unsent-390.png") });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Until the person says they have it, leaving the page asks first.
  let asked = false;
  page.once("dialog", (dialog) => {
    asked = dialog.type() === "beforeunload";
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(true);
  await page.context().close();
});

test("a span tagged after another tab submitted is kept as text to copy, not retried into a 409", async ({ browser }) => {
  const page = await signedIn(browser, "analyst1");
  const articleId = await newArticle(page);
  await openArticle(page, articleId);
  await list(page).getByText("No annotations yet").waitFor();
  await submit(page, articleId);

  await selectTextWithMouse(page, page.getByTestId("article-body"), "met in secret");
  await page.keyboard.press("4"); // unverified
  const unsent = page.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(unsent.getByRole("textbox", { name: /Your new Unverified span “met in secret”/ })).toHaveValue("Unverified: “met in secret”");
  await expect(banner(page)).toBeVisible();
  await expect(page.getByTestId("count-unverified")).toHaveText("0");
  await saved(page);

  // Now read-only: the same gesture offers nothing.
  await selectTextWithMouse(page, page.getByTestId("article-body"), "Officials denied it");
  await expect(page.getByRole("toolbar", { name: "Tag the selection" })).toHaveCount(0);
  await unsent.getByRole("button", { name: "I have it, dismiss" }).click();
  await expect(unsent).toHaveCount(0);
  expect(await mine(page, articleId)).toEqual([]);
  await page.context().close();
});
