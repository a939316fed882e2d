import { expect, test, type Page } from "@playwright/test";
import { signInPage } from "./support/fixtures";
import { selectTextWithMouse } from "./support/select-text";

// Issue #14, section 4: an admin adds a label with a choice attribute and a
// shortcut in the browser; an analyst uses it by its key and reads its
// guideline; the admin retires it, and its span still exports.

const ARTICLE = "Supporters of armed groups attack Turkish checkpoints in Idlib, Aleppo";
const PHRASE = "proposal to reconcile between the Syrian government and the opposition factions";
const DESCRIPTION = "Framing: how a passage sets up the story (as a conflict, as economics, as human interest).";

const runsLabelled = (page: Page, label: string) => page.getByTestId("article-body").locator(`[data-labels~="${label}"]`);
const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /saved|Saving/ })).toHaveText("All changes saved");

test("an admin adds, and later retires, a label with a choice field and a shortcut; an analyst tags with it by key; its span still exports", async ({ browser }, testInfo) => {
  const admin = await (await browser.newContext({ viewport: { width: 1024, height: 900 } })).newPage();
  await signInPage(admin, "admin");
  await admin.goto("/admin/labels");
  await expect(admin.getByRole("heading", { name: "Labels", level: 1 })).toBeVisible();
  await admin.getByRole("button", { name: "Add a label" }).click();
  const form = admin.getByRole("form", { name: "New label" });
  await form.getByLabel(/^Key/).fill("framing");
  await form.getByLabel("Name", { exact: true }).fill("Framing");
  await form.getByLabel("Description (the guideline analysts see on hover)").fill(DESCRIPTION);
  // The annotator's own keys and other labels' shortcuts are refused: here as you type, and by the API.
  await form.getByLabel("Shortcut key").fill("j");
  await expect(form.getByText(/annotator's own key \(next\)/)).toBeVisible();
  await form.getByLabel("Shortcut key").fill("1");
  await expect(form.getByText(/already the shortcut of Claim/)).toBeVisible();
  await form.getByRole("button", { name: "Add a field" }).click();
  const field = form.getByRole("group", { name: /^Field 1/ });
  await field.getByLabel("Key").fill("frame");
  await field.getByLabel("Name shown").fill("Frame");
  await field.getByLabel("Type").selectOption("choice");
  await field.getByLabel("Options, one per line").fill("conflict\neconomic\nhuman interest");
  await form.getByRole("button", { name: "Add label" }).click();
  await expect(form.getByRole("alert")).toContainText("already the shortcut of Claim");
  await form.getByLabel("Shortcut key").fill("5");
  await form.getByRole("button", { name: "Add label" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Framing added." })).toBeVisible();
  const row = admin.getByRole("listitem", { name: "Framing" });
  await expect(row).toContainText("Frame (choice: conflict, economic, human interest)");
  await admin.screenshot({ path: testInfo.outputPath("admin-labels-1024.png"), fullPage: true });
  // Reordering by keyboard: focus stays on the button that moved the label, which ends where it began.
  // (Other specs may add labels meanwhile: the order expected is read from the page.)
  const items = admin.getByRole("list", { name: "Labels" }).getByRole("listitem");
  const names = await items.evaluateAll((elements) => elements.map((e) => e.getAttribute("aria-label") ?? ""));
  const at = names.indexOf("Framing");
  const swapped = [...names];
  [swapped[at - 1], swapped[at]] = [swapped[at]!, swapped[at - 1]!];
  const startsWith = (list: string[]) => list.map((n) => new RegExp(`^${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  const up = admin.getByRole("button", { name: "Move Framing up" });
  await up.focus();
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("status").filter({ hasText: `Framing moved to position ${at} of ${names.length}.` })).toBeVisible();
  await expect(items).toHaveText(startsWith(swapped));
  await expect(up).toBeFocused();
  await admin.keyboard.press("Tab");
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("status").filter({ hasText: `Framing moved to position ${at + 1} of ${names.length}.` })).toBeVisible();
  await expect(items).toHaveText(startsWith(names));
  await expect(admin.getByRole("button", { name: "Move Framing down" })).toBeFocused();
  await admin.getByRole("button", { name: "Edit Framing" }).click();
  await expect(admin.getByRole("form", { name: "Edit Framing" })).toBeVisible();
  await admin.screenshot({ path: testInfo.outputPath("admin-labels-1024-editing.png"), fullPage: true });
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.screenshot({ path: testInfo.outputPath("admin-labels-phone.png"), fullPage: true });
  await admin.getByRole("button", { name: "Cancel" }).click();

  const analyst = await (await browser.newContext()).newPage();
  await signInPage(analyst, "analyst2");
  await analyst.goto("/articles");
  await analyst.getByRole("link", { name: ARTICLE }).click();
  const body = analyst.getByTestId("article-body");
  await selectTextWithMouse(analyst, body, PHRASE);
  const picker = analyst.getByRole("toolbar", { name: "Tag the selection" });
  const framing = picker.getByRole("button", { name: /Framing/ });
  await framing.hover();
  await expect(framing).toHaveAccessibleDescription(DESCRIPTION);
  await analyst.keyboard.press("5");
  await expect(runsLabelled(analyst, "framing")).toHaveText([PHRASE]);
  await saved(analyst);
  await runsLabelled(analyst, "framing").click();
  const details = analyst.getByRole("region", { name: "Selected annotation" });
  await details.getByLabel("Frame").selectOption("conflict");
  await saved(analyst);
  // The ? sheet lists the label's guideline.
  await analyst.keyboard.press("Escape");
  await analyst.keyboard.press("?");
  await expect(analyst.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText(DESCRIPTION);
  await analyst.keyboard.press("Escape");

  // The admin removes the field: the span keeps its value, shown read-only, and exports it.
  await row.getByRole("button", { name: "Edit Framing" }).click();
  const edit = admin.getByRole("form", { name: "Edit Framing" });
  await edit.getByRole("button", { name: "Remove field frame" }).click();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Framing saved." })).toBeVisible();
  await expect(row).toContainText("No attribute fields");
  await analyst.reload();
  await runsLabelled(analyst, "framing").click();
  const kept = details.getByLabel(/frame \(field removed; kept as recorded\)/);
  await expect(kept).toHaveValue("conflict");
  await expect(kept).toHaveAttribute("readonly", "");
  await analyst.screenshot({ path: testInfo.outputPath("annotator-removed-field.png") });

  await row.getByRole("button", { name: "Retire Framing" }).click();
  await expect(row).toContainText("retired");

  // Retired: still drawn with its value, no longer offered, and its key tags nothing.
  await analyst.reload();
  await expect(runsLabelled(analyst, "framing")).toHaveText([PHRASE]);
  await selectTextWithMouse(analyst, body, "staged massive protests");
  await expect(picker).toBeVisible();
  await expect(picker.getByRole("button", { name: /Framing/ })).toHaveCount(0);
  await analyst.keyboard.press("5");
  await expect(runsLabelled(analyst, "framing")).toHaveCount(1);

  const articleId = new URL(analyst.url()).pathname.split("/")[2]!;
  const article = (await (await analyst.request.get(`/api/articles/${articleId}`)).json()) as { source: { id: string } };
  const exported = await analyst.request.get(`/api/export?format=jsonl&sourceId=${article.source.id}`);
  expect(exported.status()).toBe(200);
  const spans = (await exported.text())
    .trim()
    .split("\n")
    .flatMap((line) => (JSON.parse(line) as { annotations: { label: string; quote: string; attributes: Record<string, unknown> }[] }).annotations);
  expect(spans.filter((s) => s.label === "framing")).toEqual([expect.objectContaining({ quote: PHRASE, attributes: { frame: "conflict" } })]);
});
