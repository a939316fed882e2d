import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { request as playwrightRequest } from "@playwright/test";
import { pseudonymFor } from "../lib/datasets/pseudonym";
import { E2E_AUTH_SECRET } from "./support/accounts";
import { annotate } from "./support/annotate-api";
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

test("pseudonyms in an export are keyed by their own secret, never by the session secret", async ({ baseURL }) => {
  const [analyst, reviewer] = [await playwrightRequest.newContext({ baseURL }), await playwrightRequest.newContext({ baseURL })];
  await signInRequest(analyst, "analyst1");
  await signInRequest(reviewer, "reviewer");
  const source = unique("E2E pseudonyms");
  const created = await analyst.post("/api/articles", { data: { source: { name: source }, title: unique("Pseudonyms"), body: "The regime's mouthpiece said so." } });
  expect(created.status(), await created.text()).toBe(201);
  const article = (await created.json()) as { id: string; source: { id: string } };
  await annotate(analyst, article.id, "loaded_language", "mouthpiece");
  const analystId = ((await (await analyst.get(`/api/articles/${article.id}/annotations?annotator=me`)).json()) as { items: { annotator: { id: string } }[] }).items[0]!.annotator.id;

  const exported = await reviewer.get(`/api/export?format=jsonl&pseudonymize=1&sourceId=${article.source.id}`);
  expect(exported.status()).toBe(200);
  const [line] = (await exported.text()).split("\n").filter(Boolean);
  const ids = (JSON.parse(line!) as { annotations: { annotator: { id: string } }[] }).annotations.map((a) => a.annotator.id);
  expect(ids).toHaveLength(1);
  expect(ids[0]).toMatch(/^annotator-[0-9a-f]{10}$/);
  expect(ids[0]).not.toBe(pseudonymFor(analystId, E2E_AUTH_SECRET));
  // Stable: the next export names the same person the same way.
  const again = (await (await reviewer.get(`/api/export?format=jsonl&pseudonymize=1&sourceId=${article.source.id}`)).text()).split("\n").filter(Boolean)[0]!;
  expect((JSON.parse(again) as { annotations: { annotator: { id: string } }[] }).annotations[0]!.annotator.id).toBe(ids[0]);
  await Promise.all([analyst.dispose(), reviewer.dispose()]);
});
