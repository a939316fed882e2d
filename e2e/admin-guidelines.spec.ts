import { randomBytes } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { annotate } from "./support/annotate-api";
import { expect, signInPage, signInRequest, test } from "./support/fixtures";
import { selectTextWithMouse } from "./support/select-text";

// The guideline and sources admin (issue #14 §5–6), in real Chromium: an admin
// writes the guideline, an analyst reads a label's section on hover and in the
// ? sheet and tags under the new version; an admin merges two sources.

let analystApi: APIRequestContext;
test.beforeAll(async ({ baseURL }) => {
  analystApi = await playwrightRequest.newContext({ baseURL });
  await signInRequest(analystApi, "analyst1");
});
test.afterAll(() => analystApi.dispose());

const newPage = async (browser: import("@playwright/test").Browser, account: "admin" | "analyst1"): Promise<Page> => {
  const page = await (await browser.newContext()).newPage();
  await signInPage(page, account);
  return page;
};

/**
 * Saves the editor's text. The access matrix (another worker) may save a version while the page
 * is open: the 409 keeps the text, and the admin saves it on top of the newer version, as a
 * person would. Returns the "Saved as version N" status.
 */
async function saveOnTop(page: Page) {
  const save = page.getByRole("button", { name: "Save new version" });
  const saved = page.getByRole("status").filter({ hasText: /^Saved as version/ });
  const onTop = page.getByRole("button", { name: /^Edit on top of version/ });
  await save.click();
  await expect(saved.or(onTop)).toBeVisible();
  if (await onTop.isVisible()) {
    await onTop.click();
    await save.click();
  }
  await expect(saved).toBeVisible();
  return saved;
}

test("two admins edit the guideline at once: the second is told, keeps their text, and saves it on top", async ({ browser }) => {
  const tag = randomBytes(4).toString("hex");
  const [first, second] = [await newPage(browser, "admin"), await newPage(browser, "admin")];
  await second.goto("/admin/guidelines");
  const secondText = second.getByLabel("Guideline (Markdown)");
  await expect(secondText).toBeVisible();
  await first.goto("/admin/guidelines");
  await first.getByLabel("Guideline (Markdown)").fill(`# Guideline\n\nFirst admin's wording ${tag}.`);
  await saveOnTop(first);

  await secondText.fill(`# Guideline\n\nSecond admin's wording ${tag}.`);
  await second.getByRole("button", { name: "Save new version" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "The guideline changed since you opened it" })).toBeVisible();
  await expect(secondText).toHaveValue(`# Guideline\n\nSecond admin's wording ${tag}.`);
  await expect(second.getByRole("link", { name: /^Open version \d+$/ })).toBeVisible();
  await second.getByRole("button", { name: /^Edit on top of version/ }).click();
  await saveOnTop(second);
  await second.goto("/guidelines");
  await expect(second.getByRole("region", { name: "Guideline text" })).toContainText(`Second admin's wording ${tag}.`);
});

test("an admin writes the guideline; an analyst sees the label's section on hover and in the ? sheet, and a new span records that version", async ({ browser }, testInfo) => {
  const tag = randomBytes(4).toString("hex");
  const definition = `Words chosen for their emotional charge rather than their content (${tag}).`;
  const guideline = [
    "# Slant annotation guideline",
    "",
    "Read the whole article before tagging.",
    "",
    "## Loaded language",
    "",
    definition,
    "",
    "- Example: “regime” for a government.",
    "",
    // Shown as text, never run (decision 0022).
    `Not markup: <img src="x" onerror="window.__xss = 1"> <script>window.__xss = 2</script>`,
    "",
    "## Claim",
    "",
    "A statement presented as fact.",
  ].join("\n");

  const admin = await newPage(browser, "admin");
  await admin.goto("/admin/guidelines");
  await expect(admin.getByRole("heading", { level: 1, name: "Annotation guideline" })).toBeVisible();
  await admin.getByLabel("Guideline (Markdown)").fill(guideline);
  await expect(admin.getByRole("list", { name: "Label sections" })).toContainText("✓ Loaded language");
  await admin.getByRole("tab", { name: "Preview" }).click();
  const preview = admin.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "Loaded language" })).toBeVisible();
  await expect(preview).toContainText('<script>window.__xss = 2</script>');
  await expect(preview.locator("img, script")).toHaveCount(0);
  await admin.getByLabel("What changed (optional)").fill(`Loaded language defined ${tag}`);
  const saved = await saveOnTop(admin);
  const version = Number((await saved.textContent())!.match(/version (\d+)/)![1]);
  await expect(admin.getByRole("table", { name: "Guideline versions" })).toContainText(`Loaded language defined ${tag}`);
  expect(await admin.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

  const analyst = await newPage(browser, "analyst1");
  const article = (await (await analystApi.post("/api/articles", { data: { source: { name: `Guideline source ${tag}` }, title: `Guideline ${tag}`, body: `The so-called council met on Tuesday. ${tag}` } })).json()) as { id: string };
  await analyst.goto(`/articles/${article.id}`);
  await selectTextWithMouse(analyst, analyst.getByTestId("article-body"), "so-called");
  const picker = analyst.getByRole("toolbar", { name: "Tag the selection" });
  const loaded = picker.getByRole("button", { name: /Loaded language/ });
  await loaded.hover();
  await expect(analyst.getByRole("tooltip").filter({ hasText: definition })).toBeVisible();
  await expect(loaded).toHaveAccessibleDescription(new RegExp(tag));
  await analyst.screenshot({ path: testInfo.outputPath("label-hover.png") });
  await loaded.click();
  await expect(analyst.getByRole("status").filter({ hasText: /saved|Saving/ })).toHaveText("All changes saved");
  expect(await analyst.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

  await analyst.keyboard.press("?");
  const sheet = analyst.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet.getByRole("region", { name: "Labels" })).toContainText(definition);
  await analyst.screenshot({ path: testInfo.outputPath("shortcut-sheet.png") });
  await analyst.keyboard.press("Escape");

  // The span records the version in force: this one, or a later save with the same section
  // (another spec may save the latest text again meanwhile).
  const { items } = (await (await analystApi.get(`/api/articles/${article.id}/annotations`)).json()) as { items: { quote: string; guidelineVersion: number | null }[] };
  const recorded = items.find((a) => a.quote === "so-called")!.guidelineVersion;
  expect(recorded).toBeGreaterThanOrEqual(version);
  expect(((await (await analystApi.get(`/api/guidelines?version=${recorded}`)).json()) as { markdown: string }).markdown).toContain(definition);
});

test("an admin merges two sources from the sources admin, and the merged source's page shows the moved articles' figures", async ({ browser }) => {
  const tag = randomBytes(4).toString("hex");
  const [from, into] = [`Merge from ${tag}`, `Merge into ${tag}`];
  const make = async (source: string, n: number) => {
    const article = (await (await analystApi.post("/api/articles", { data: { source: { name: source }, title: `${source} ${n}`, body: `The so-called council met (${source} ${n}).` } })).json()) as { id: string; source: { id: string } };
    await annotate(analystApi, article.id, "loaded_language", "so-called");
    return article;
  };
  await make(from, 1);
  await make(from, 2);
  const kept = await make(into, 1);

  const admin = await newPage(browser, "admin");
  await admin.goto("/admin/sources");
  const row = admin.getByTestId("admin-source").filter({ has: admin.getByRole("link", { name: from, exact: true }) });
  await expect(row).toContainText("2 articles");
  await row.getByRole("button", { name: "Merge…" }).click();
  await row.getByLabel("Merge into").selectOption({ label: `${into} (1 article)` });
  await expect(row.getByRole("status")).toContainText(`2 articles will move from “${from}” to “${into}”`);
  await row.getByRole("button", { name: `Merge into ${into}` }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Merged "${from}" into "${into}": 2 articles moved.` })).toBeVisible();
  await expect(admin.getByRole("link", { name: from, exact: true })).toHaveCount(0);
  await expect(admin.getByTestId("admin-source").filter({ has: admin.getByRole("link", { name: into, exact: true }) })).toContainText("3 articles");

  await admin.goto(`/sources/${kept.source.id}`);
  await expect(admin.getByRole("heading", { level: 1, name: into })).toBeVisible();
  const annotated = admin.locator("dt", { hasText: "Articles annotated" }).locator("xpath=following-sibling::dd");
  await expect(async () => {
    await admin.reload();
    await expect(annotated).toHaveText("3 of 3", { timeout: 2_000 });
  }).toPass();
});

test("a source with articles cannot be deleted; an empty one can", async ({ browser }) => {
  const tag = randomBytes(4).toString("hex");
  const busy = `Busy ${tag}`;
  await analystApi.post("/api/articles", { data: { source: { name: busy }, title: busy, body: `Body of ${busy}.` } });
  const empty = (await (await analystApi.post("/api/sources", { data: { name: `Empty ${tag}` } })).json()) as { id: string; name: string };

  const admin = await newPage(browser, "admin");
  await admin.goto("/admin/sources");
  const busyRow = admin.getByTestId("admin-source").filter({ has: admin.getByRole("link", { name: busy, exact: true }) });
  await busyRow.getByRole("button", { name: "Delete" }).click();
  await expect(busyRow).toContainText("has 1 article, so it cannot be deleted");
  const emptyRow = admin.getByTestId("admin-source").filter({ has: admin.getByRole("link", { name: empty.name, exact: true }) });
  await emptyRow.getByRole("button", { name: "Delete" }).click();
  await emptyRow.getByRole("button", { name: `Delete ${empty.name}` }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Deleted "${empty.name}".` })).toBeVisible();
  expect((await analystApi.get(`/api/sources/${empty.id}`)).status()).toBe(404);
});

test("screenshots of the guideline and sources pages at 1024 px and phone width, with the diff and a merge open", async ({ browser }, testInfo) => {
  const admin = await newPage(browser, "admin");
  // A second version, so that the history has a diff to show.
  const latest = (await (await admin.request.get("/api/guidelines")).json()) as { number: number; markdown: string };
  const markdown = `${latest.markdown}\n\nA quoted claim is still a claim when the article endorses it.`;
  expect((await admin.request.put("/api/guidelines", { data: { markdown, baseVersion: latest.number, note: "Claim: quoted claims" } })).status()).toBe(201);
  for (const [width, height] of [[1024, 900], [390, 844]] as const) {
    await admin.setViewportSize({ width, height });
    for (const path of ["/admin/guidelines", "/guidelines", "/admin/sources", "/agreement"]) {
      await admin.goto(path);
      await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
      if (path === "/admin/guidelines") await expect(admin.getByTestId("diff-summary")).toContainText("2 lines added, 0 removed");
      if (path === "/agreement") await expect(admin.getByLabel("Guideline version")).toContainText("Claim: quoted claims");
      if (path === "/admin/sources") {
        const first = admin.getByTestId("admin-source").first();
        await first.getByRole("button", { name: "Merge…" }).click();
        await first.getByLabel("Merge into").selectOption({ index: 1 });
        await expect(first.getByRole("status")).toContainText("will move");
      }
      await admin.screenshot({ path: testInfo.outputPath(`${path.replaceAll("/", "_")}-${width}.png`), fullPage: true });
    }
  }
});
