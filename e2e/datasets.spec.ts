import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, signInRequest, test } from "./support/fixtures";

const unique = (s: string) => `${s} ${randomBytes(4).toString("hex")}`;

test("a reviewer sees the count, then downloads a filtered export that streams from the link", async ({ page, signInAs }) => {
  await signInAs("reviewer");
  await page.goto("/export");
  await expect(page.getByRole("status")).toContainText(/\d+ articles, \d+ annotations/);
  await page.getByLabel("Sources").selectOption({ label: "South Front" });
  await expect(page.getByRole("status")).toContainText(/^1 articles, \d+ annotations$/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^slant-annotations-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const lines = (await readFile((await download.path())!, "utf8")).split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  const article = JSON.parse(lines[0]!) as { source: { name: string }; text: string; annotations: unknown[] };
  expect(article.source.name).toBe("South Front");
  expect(article.text.length).toBeGreaterThan(500);
});

test("an analyst imports a CSV with one bad row and sees the per-line report", async ({ page, signInAs }) => {
  await signInAs("analyst1");
  await page.goto("/import");
  const source = unique("E2E import");
  const csv = ["title,source,body", `Good one,${source},${unique("First body")}`, `,${source},${unique("No title")}`, `Good two,${source},${unique("Second body")}`].join("\n");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "articles.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import" }).click();

  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress.getByRole("heading")).toHaveText("articles.csv: done");
  await expect(progress).toContainText("2 articles and 0 annotations created");
  await expect(progress).toContainText("Rejected rows (1)");
  await expect(progress.getByRole("listitem")).toHaveText(["line 3title: must not be empty"]);
});

test("the import API refuses an unreadable file with a clear 4xx and no job", async ({ request }) => {
  await signInRequest(request, "analyst1");
  const response = await request.post("/api/import", { multipart: { kind: "articles", file: { name: "x.jsonl", mimeType: "application/jsonl", buffer: Buffer.from("this is not JSON") } } });
  expect(response.status()).toBe(422);
  expect(((await response.json()) as { error: string }).error).toMatch(/not JSON/);
  const unknown = await request.get("/api/export?format=jsonl&colour=red");
  expect(unknown.status()).toBe(422);
});
