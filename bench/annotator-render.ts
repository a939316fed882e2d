// The annotator on a 20,000-word article carrying 5,000 annotations (2,000 of
// them overlapping others), in headless Chromium: time from the HTML's arrival
// to an interactive page, and from a label key press to the repaint showing
// the new highlight. Baseline: the same-length article with no annotations.
// Usage: npm run bench:annotator   (BENCH_DATABASE_URL=postgresql://… for a server)
import pg from "pg";
import { chromium, type Page } from "playwright-core";
import { chromiumLaunchOptions } from "../e2e/support/browser";
import { BENCH_PASSWORD, ms, percentile, signIn, startBenchApp } from "./support/common";
import { longArticle, wordSpans } from "./support/corpus";

const PORT = 3302;
const LOADS = 5;
const CREATES = 12;

async function createArticle(baseURL: string, cookie: string, body: string, title: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/articles`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ source: { name: "Bench" }, title, body }) });
  if (response.status !== 201) throw new Error(`article: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** 3,000 disjoint spans of 1–3 words, then 2,000 spans that overlap or enclose them. */
function benchSpans(body: string) {
  const words = wordSpans(body);
  const spans: { start: number; end: number; label: string }[] = [];
  const labels = ["claim", "attribution", "loaded_language", "unverified"];
  const stride = Math.floor(words.length / 3_000);
  for (let i = 0; i < 3_000; i++) {
    const w = i * stride;
    spans.push({ start: words[w]!.start, end: words[w + (i % 3)]!.end, label: labels[i % 4]! });
  }
  for (let i = 0; i < 2_000; i++) {
    const w = i * stride + 1 + (i % 2);
    spans.push({ start: words[w]!.start, end: words[Math.min(words.length - 1, w + 3 + (i % 5))]!.end, label: labels[(i + 1) % 4]! });
  }
  return spans;
}

async function insertAnnotations(databaseUrl: string, articleId: string, body: string) {
  const chars = Array.from(body);
  const spans = benchSpans(body);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const [user] = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'analyst1@example.org'`)).rows;
  const labelIds = new Map((await client.query<{ id: string; key: string }>(`SELECT id, key FROM "Label"`)).rows.map((r) => [r.key, r.id]));
  const slice = (a: number, b: number) => chars.slice(Math.max(0, a), Math.min(chars.length, b)).join("");
  await client.query(
    `INSERT INTO "Annotation" ("articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, "updatedAt")
     SELECT $1, $2, l, s, e, q, p, x, now() FROM unnest($3::uuid[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[]) AS t(l, s, e, q, p, x)`,
    [
      articleId,
      user!.id,
      spans.map((s) => labelIds.get(s.label)),
      spans.map((s) => s.start),
      spans.map((s) => s.end),
      spans.map((s) => slice(s.start, s.end)),
      spans.map((s) => slice(s.start - 32, s.start)),
      spans.map((s) => slice(s.end, s.end + 32)),
    ],
  );
  await client.end();
  return spans.length;
}

/** ms from the HTML's last byte to the annotator being hydrated and interactive. */
async function timeToInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector('[data-testid="article-body"][data-ready]', { timeout: 60_000 });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return (window as unknown as { __readyAt: number }).__readyAt - nav.responseEnd;
  });
}

/** ms from pressing a label key on a fresh selection to the frame that shows the new highlight. */
async function timeToRepaint(page: Page, nth: number): Promise<number> {
  return page.evaluate(async (n) => {
    const root = document.querySelector<HTMLElement>('[data-testid="article-body"]')!;
    const plain = Array.from(root.querySelectorAll<HTMLElement>("[data-cp]:not([data-ids])")).filter((e) => (e.textContent ?? "").trim().length > 12);
    const target = plain[Math.floor((plain.length * (n + 1)) / 14)]!;
    const text = target.firstChild as Text;
    const from = text.data.search(/\S/);
    const range = document.createRange();
    range.setStart(text, from);
    range.setEnd(text, from + 8);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const before = root.querySelectorAll("[data-ids]").length;
    return new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (root.querySelectorAll("[data-ids]").length === before) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      });
      observer.observe(root, { subtree: true, childList: true, attributes: true });
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent("keydown", { key: "1", bubbles: true }));
    });
  }, nth);
}

const app = await startBenchApp(PORT);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const cookie = await signIn(app.baseURL, "analyst1@example.org");
  const tag = Date.now();
  const annotatedId = await createArticle(app.baseURL, cookie, longArticle(20_000, `annotated ${tag}`), "Bench: 5,000 annotations");
  const emptyId = await createArticle(app.baseURL, cookie, longArticle(20_000, `empty ${tag}`), "Bench: no annotations");
  const count = await insertAnnotations(await app.databaseUrl(), annotatedId, longArticle(20_000, `annotated ${tag}`));

  const context = await browser.newContext();
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="article-body"][data-ready]')) {
        (window as unknown as { __readyAt: number }).__readyAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const page = await context.newPage();
  await page.goto(`${app.baseURL}/sign-in`);
  await page.getByLabel("Email").fill("analyst1@example.org");
  await page.getByLabel("Password").fill(BENCH_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/articles/);

  const results: Record<string, { tti: number[]; repaint: number[] }> = {};
  for (const [name, id] of [["0 annotations (baseline)", emptyId], [`${count} annotations`, annotatedId]] as const) {
    const tti: number[] = [];
    await timeToInteractive(page, `${app.baseURL}/articles/${id}`); // warm-up
    for (let i = 0; i < LOADS; i++) tti.push(await timeToInteractive(page, `${app.baseURL}/articles/${id}`));
    const repaint: number[] = [];
    for (let i = 0; i < CREATES; i++) repaint.push(await timeToRepaint(page, i));
    results[name] = { tti: tti.sort((a, b) => a - b), repaint: repaint.sort((a, b) => a - b) };
  }

  console.log(`\nAnnotator, 20,000-word article, headless Chromium (${LOADS} loads, ${CREATES} new annotations each)`);
  console.log(`${"".padEnd(26)} ${"interactive p50".padStart(16)} ${"max".padStart(10)} ${"repaint p50".padStart(12)} ${"p95".padStart(10)}`);
  for (const [name, r] of Object.entries(results)) {
    console.log(`${name.padEnd(26)} ${ms(percentile(r.tti, 50)).padStart(16)} ${ms(r.tti[r.tti.length - 1]!).padStart(10)} ${ms(percentile(r.repaint, 50)).padStart(12)} ${ms(percentile(r.repaint, 95)).padStart(10)}`);
  }
  const [base, loaded] = Object.values(results) as [{ tti: number[]; repaint: number[] }, { tti: number[]; repaint: number[] }];
  console.log(`ratio to baseline: interactive ×${(percentile(loaded.tti, 50) / percentile(base.tti, 50)).toFixed(1)}, repaint ×${(percentile(loaded.repaint, 50) / percentile(base.repaint, 50)).toFixed(1)}`);
  console.log(`targets: interactive < 1500 ms: ${loaded.tti[loaded.tti.length - 1]! < 1500 ? "met" : "NOT met"}; repaint < 50 ms: ${percentile(loaded.repaint, 95) < 50 ? "met" : "NOT met"}`);
} finally {
  await browser.close();
  await app.stop();
}
