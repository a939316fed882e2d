import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { annotate } from "./support/annotate-api";
import { signInPage } from "./support/fixtures";
import { selectTextWithMouse } from "./support/select-text";
import type { AccountName } from "./support/accounts";

// Issue #12 §1: work is never lost in the annotator. Each test makes its own
// article, so that it neither sees nor disturbs the other specs' annotations.

const BODY = "Activists said the so-called council met in secret. Officials denied it on Monday.";

type Annotation = { id: string; label: string; note: string | null; attributes: Record<string, unknown>; version: number };

async function analystOnNewArticle(browser: Browser, account: AccountName = "analyst1") {
  const page = await (await browser.newContext()).newPage();
  await signInPage(page, account);
  const unique = randomBytes(4).toString("hex");
  // Articles are de-duplicated by content: each test's text is its own.
  const created = await page.request.post("/api/articles", { data: { source: { name: "E2E Annotator trust" }, title: `Trust ${unique}`, body: `${BODY} Ref ${unique}.` } });
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
  // A pause in typing autosaves the field the person is in: it must stay theirs, focused and unchanged.
  await expect.poll(async () => (await annotationsOf(page, articleId)).find((a) => a.id === id)?.attributes.speaker).toBe("Activists!!");
  await saved(page);
  await expect(details(page).getByLabel("Who is cited")).toBeFocused();
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

test("Backspace or Delete with no annotation focused deletes nothing", async ({ browser }) => {
  const { page, articleId } = await analystOnNewArticle(browser);
  await annotate(page.request, articleId, "claim", "Officials denied it");
  await openArticle(page, articleId);
  await page.getByRole("region", { name: "Annotations" }).getByRole("button", { name: /Claim “Officials/ }).click();
  await expect(details(page)).toBeFocused();
  await page.getByTestId("article-body").getByText("Activists said", { exact: false }).click(); // focus leaves the annotation; it stays open
  await expect(details(page)).toBeVisible();
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("count-claim")).toHaveText("1");
  expect(await annotationsOf(page, articleId)).toHaveLength(1);
});

test("undo and redo walk back through create, edit, relabel and delete; Recently deleted restores an old deletion", async ({ browser }) => {
  const { page, articleId } = await analystOnNewArticle(browser);
  const older = await annotate(page.request, articleId, "unverified", "met in secret");
  expect((await page.request.delete(`/api/annotations/${older.id}`)).status()).toBe(204); // deleted in an earlier session
  await openArticle(page, articleId);
  const list = page.getByRole("region", { name: "Annotations" });
  const stored = async () => (await annotationsOf(page, articleId)).map((a) => `${a.label}:${a.note ?? ""}`);

  await list.getByText("No annotations yet").waitFor();
  await selectTextWithMouse(page, page.getByTestId("article-body"), "so-called");
  await page.keyboard.press("3");
  await saved(page);
  await list.getByRole("button", { name: /Loaded language “so-called”/ }).click();
  await details(page).getByLabel("Note").fill("Delegitimizes");
  await details(page).getByLabel("Connotation").focus(); // leaving the note saves it
  await saved(page);
  await details(page).getByLabel("Label").selectOption("Claim");
  await saved(page);
  await expect.poll(stored).toEqual(["claim:Delegitimizes"]);

  await list.getByRole("button", { name: /Claim “so-called”/ }).click();
  await expect(details(page)).toBeFocused();
  await page.keyboard.press("Delete");
  await expect.poll(stored).toEqual([]);

  await page.keyboard.press("u"); // the delete
  await expect.poll(stored).toEqual(["claim:Delegitimizes"]);
  await page.keyboard.press("Control+z"); // the relabel
  await expect.poll(stored).toEqual(["loaded_language:Delegitimizes"]);
  await page.keyboard.press("u"); // the note
  await expect.poll(stored).toEqual(["loaded_language:"]);
  await page.keyboard.press("u"); // the tagging itself
  await expect.poll(stored).toEqual([]);
  await expect(page.getByTestId("history-notice")).toContainText("Undone: tagging");
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(stored).toEqual(["loaded_language:"]);
  await page.keyboard.press("Control+y");
  await expect.poll(stored).toEqual(["loaded_language:Delegitimizes"]);
  await saved(page);

  // Long after any undo window: the span deleted before this page was opened comes back from the list.
  await page.getByText("Recently deleted").click();
  const deleted = page.getByRole("list", { name: "Deleted annotations" });
  await expect(deleted).toContainText("“met in secret”");
  await deleted.getByRole("button", { name: "Restore “met in secret”" }).click();
  await expect(page.getByTestId("count-unverified")).toHaveText("1");
  await expect.poll(stored).toEqual(["loaded_language:Delegitimizes", "unverified:"]);
  await expect(deleted).not.toContainText("met in secret");
});

test("a stale save in another tab never overwrites: both versions are shown; keep mine, merge or take theirs", async ({ browser }) => {
  const { page: a, articleId } = await analystOnNewArticle(browser);
  const { id } = await annotate(a.request, articleId, "claim", "Officials denied it");
  const b = await (await browser.newContext()).newPage();
  await signInPage(b, "analyst1");
  for (const tab of [a, b]) {
    await openArticle(tab, articleId);
    await tab.getByRole("region", { name: "Annotations" }).getByRole("button", { name: /Claim “Officials/ }).click();
  }
  const note = async () => (await annotationsOf(a, articleId)).find((x) => x.id === id)!.note;
  const writeNote = async (tab: Page, text: string) => {
    await details(tab).getByLabel("Note").fill(text);
    await details(tab).getByLabel("Check-worthy").focus();
  };
  const conflict = (tab: Page) => details(tab).getByRole("group", { name: "Conflicting versions" });

  await writeNote(a, "from A");
  await saved(a);
  await writeNote(b, "from B");
  await expect(conflict(b)).toBeVisible();
  await expect(conflict(b).getByTestId("conflict-theirs")).toHaveText("from A");
  await expect(conflict(b).getByTestId("conflict-mine")).toHaveText("from B");
  expect(await note()).toBe("from A"); // nothing written blind
  await conflict(b).getByRole("button", { name: "Keep mine" }).click();
  await saved(b);
  expect(await note()).toBe("from B");

  await writeNote(a, "A again"); // tab A still has the version before B's
  await expect(conflict(a).getByTestId("conflict-theirs")).toHaveText("from B");
  expect(await note()).toBe("from B");
  await conflict(a).getByRole("button", { name: "Merge notes…" }).click();
  await expect(conflict(a).getByLabel("Merged note")).toHaveValue("from B\n\nA again");
  await conflict(a).getByLabel("Merged note").fill("from B, and A again");
  await conflict(a).getByRole("button", { name: "Save merged note" }).click();
  await saved(a);
  expect(await note()).toBe("from B, and A again");

  await writeNote(b, "B once more");
  await expect(conflict(b).getByTestId("conflict-theirs")).toHaveText("from B, and A again");
  await conflict(b).getByRole("button", { name: "Take theirs" }).click();
  await expect(conflict(b)).toHaveCount(0);
  await saved(b);
  await expect(details(b).getByLabel("Note")).toHaveValue("from B, and A again");
  expect(await note()).toBe("from B, and A again");
});

test("the chooser for overlapping spans opens inside the viewport at the page end, takes focus and closes with Escape", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1024, height: 700 } })).newPage();
  await signInPage(page, "analyst1");
  const filler = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} says nothing in particular about anyone at all.`).join("\n\n");
  const created = await page.request.post("/api/articles", { data: { source: { name: "E2E Annotator trust" }, title: `Chooser ${randomBytes(4).toString("hex")}`, body: `${filler}\n\nAt the very end the so-called council met. ${randomBytes(4).toString("hex")}` } });
  const articleId = ((await created.json()) as { id: string }).id;
  await annotate(page.request, articleId, "loaded_language", "so-called");
  await annotate(page.request, articleId, "claim", "the so-called council met");
  await openArticle(page, articleId);
  const run = page.getByTestId("article-body").locator('[data-labels~="loaded_language"]');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await run.evaluate((el) => el.scrollIntoView({ block: "end" }));
  await run.click();

  const menu = page.getByRole("menu", { name: "Annotations here" });
  await expect(menu).toBeVisible();
  const box = (await menu.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(700);
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem").nth(1)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);

  await run.click();
  await page.keyboard.press("Enter");
  await expect(details(page)).toBeVisible();
});

test("relabelling asks before dropping attribute values the new label has no place for", async ({ browser }) => {
  const { page, articleId } = await analystOnNewArticle(browser);
  const created = await page.request.post(`/api/articles/${articleId}/annotations`, { data: { label: "attribution", start: 0, end: 14, quote: "Activists said", attributes: { speaker: "Activists", kind: "vague" } } });
  const { id } = (await created.json()) as { id: string };
  await openArticle(page, articleId);
  await page.getByRole("region", { name: "Annotations" }).getByRole("button", { name: /Attribution “Activists said”/ }).click();
  const stored = async () => (await annotationsOf(page, articleId)).find((a) => a.id === id)!;

  await details(page).getByLabel("Label").selectOption("Claim");
  const ask = details(page).getByRole("alertdialog", { name: "Drop attributes?" });
  await expect(ask).toContainText("Who is cited");
  await expect(ask).toContainText("Activists");
  await ask.getByRole("button", { name: "Keep Attribution" }).click();
  await expect(ask).toHaveCount(0);
  expect(await stored()).toMatchObject({ label: "attribution", attributes: { speaker: "Activists", kind: "vague" } });

  await details(page).getByLabel("Label").selectOption("Claim");
  await ask.getByRole("button", { name: "Change label and drop" }).click();
  await saved(page);
  expect(await stored()).toMatchObject({ label: "claim", attributes: {} });
});

test("sources and an article read on a 390 px phone without sideways scrolling; details open on screen; screenshots at 390, 768 and 1024 px", async ({ browser }, testInfo) => {
  const page = await (await browser.newContext()).newPage();
  await signInPage(page, "analyst1");
  // A long article whose highlight is far down: on a phone its details must open where it is tapped.
  const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} reports what a spokesperson told reporters on a long afternoon in the capital.`).join("\n\n");
  const created = await page.request.post("/api/articles", { data: { source: { name: "E2E Annotator trust" }, title: `Phone ${randomBytes(4).toString("hex")}`, body: `${filler}\n\nNear the end the so-called council met. ${randomBytes(4).toString("hex")}` } });
  const articleId = ((await created.json()) as { id: string }).id;
  await annotate(page.request, articleId, "loaded_language", "so-called");
  const { items: sources } = (await (await page.request.get("/api/sources")).json()) as { items: { id: string; name: string }[] };
  const source = sources.find((s) => s.name === "Al Mayadeen English")!;
  const pages = { sources: "/sources", source: `/sources/${source.id}`, articles: "/articles", article: `/articles/${articleId}` };
  const shots = process.env.E2E_SCREENSHOT_DIR;

  for (const width of [390, 768, 1024]) {
    await page.setViewportSize({ width, height: 844 });
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      const path = shots ? `${shots}/${name}-${width}.png` : testInfo.outputPath(`${name}-${width}.png`);
      await page.screenshot({ path, fullPage: name !== "article" });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      const widest = await page.evaluate((limit) => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > limit + 1).slice(0, 5).map((e) => `${e.tagName}.${String(e.className).slice(0, 60)}`), width);
      expect.soft(scrollWidth, `${name} at ${width} px lays out ${scrollWidth} px wide: ${widest.join(" | ")}`).toBeLessThanOrEqual(width);
    }
    // The article is open: a tap on a highlight shows its details where the person is reading.
    const highlight = page.getByTestId("article-body").locator('[data-labels~="loaded_language"]');
    await highlight.scrollIntoViewIfNeeded();
    await highlight.click();
    await expect(highlight).toBeInViewport();
    const box = (await details(page).boundingBox())!;
    expect(box.y, `details at ${width} px start within the screen`).toBeLessThan(844);
    expect(box.y + Math.min(box.height, 200)).toBeGreaterThan(0);
    await expect(details(page).getByText("“so-called”")).toBeInViewport();
    // …and the tapped text stays in sight: above the sheet the details open as below 1024 px.
    await expect
      .poll(async () => {
        const [text, panel] = [await highlight.boundingBox(), await details(page).boundingBox()];
        return text !== null && panel !== null && text.y >= 0 && (width >= 1024 || text.y + text.height <= panel.y);
      })
      .toBe(true);
    await page.screenshot({ path: shots ? `${shots}/article-details-${width}.png` : testInfo.outputPath(`article-details-${width}.png`) });
  }
});

test("GET …/annotations?deleted=1 lists only the caller's own deleted spans; bad values are 422", async ({ browser }) => {
  const { page: owner, articleId } = await analystOnNewArticle(browser);
  const { id } = await annotate(owner.request, articleId, "claim", "Officials denied it");
  expect((await owner.request.delete(`/api/annotations/${id}`)).status()).toBe(204);
  const deleted = (await (await owner.request.get(`/api/articles/${articleId}/annotations?deleted=1`)).json()) as { items: { id: string; deletedAt: string }[] };
  expect(deleted.items.map((a) => a.id)).toEqual([id]);

  const other = await (await browser.newContext()).newPage();
  await signInPage(other, "analyst2");
  expect(((await (await other.request.get(`/api/articles/${articleId}/annotations?deleted=1`)).json()) as { items: unknown[] }).items).toEqual([]);
  const reviewer = await (await browser.newContext()).newPage();
  await signInPage(reviewer, "reviewer");
  expect((await reviewer.request.get(`/api/articles/${articleId}/annotations?deleted=1&annotator=all`)).status()).toBe(403);
  expect((await owner.request.get(`/api/articles/${articleId}/annotations?deleted=yes`)).status()).toBe(422);
});
