import { randomUUID } from "node:crypto";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import type { ImportReport } from "../../lib/datasets/import-report";
import { db } from "../../lib/db/client";
import { getImportJob, listImportJobs, startImport } from "../../lib/db/import/jobs";
import { seedLabels } from "../../lib/db/seed";
import type { ImportFormat, ImportKind } from "../../lib/schemas/datasets";
import { writeW3c } from "../../lib/formats/w3c.write";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

const BASE = "http://slant.test";

async function runImport(actor: Actor, kind: ImportKind, filename: string, content: string | Uint8Array, extra: { source?: string; format?: ImportFormat } = {}) {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const job = await startImport({ actor, file: { bytes, filename, kind, baseUrl: BASE, ...extra } });
  await job.finished;
  const view = await getImportJob({ actor, id: job.id });
  return { ...view, report: view.report };
}

const annotation = (over: Record<string, unknown>) => ({
  id: randomUUID(), start: 0, end: 1, label: "claim", quote: "x", prefix: "", suffix: "", note: null, attributes: {},
  annotator: { id: "someone-elsewhere", name: "Elsewhere" }, gold: false, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z", ...over,
});

describe("import", () => {
  it("CSV articles: creates the good rows, reports the bad row by line and the duplicate, writes nothing else", async () => {
    const analyst = await makeUser("ANALYST");
    const existing = await makeArticle(analyst, { body: `${unique("Already here")} text.` });
    const stored = await db().article.findUniqueOrThrow({ where: { id: existing.id } });
    const source = unique("CSV source");
    const csv = [
      "title,source,body,publishedAt",
      `First,${source},"${unique("One")} body,\nwith a second line",2024-03-01`,
      `,${source},${unique("No title")},`,
      `Copy,${source},${stored.body},`,
      `Second,${source},${unique("Two")} body,not-a-date`,
      `Third,${source},${unique("Three")} body,`,
    ].join("\n");
    const before = await db().article.count();
    const job = await runImport(analyst, "articles", "articles.csv", csv);
    expect(job).toMatchObject({ status: "SUCCEEDED", total: 5, processed: 5 });
    expect(job.report.created).toEqual({ articles: 2, annotations: 0 });
    expect(job.report.rejected.map((r) => r.line)).toEqual([4, 6]);
    expect(job.report.rejected[0]!.reason).toMatch(/title/);
    expect(job.report.rejected[1]!.reason).toMatch(/publishedAt/);
    expect(job.report.duplicates).toEqual([{ line: 5, what: "article", existingId: existing.id, title: stored.title }]);
    expect(await db().article.count()).toBe(before + 2);
    const first = await db().article.findFirstOrThrow({ where: { title: "First", source: { name: source } } });
    expect(first.body).toMatch(/body,\nwith a second line$/);
    expect(first.publishedAt?.toISOString().slice(0, 10)).toBe("2024-03-01");
  });

  it("a zip of HTML, Markdown and text files becomes articles of the named source, HTML reduced to safe text", async () => {
    const analyst = await makeUser("ANALYST");
    const tag = unique("zip");
    const zip = zipSync({
      "a.html": strToU8(`<html><head><title>Hello &amp; ${tag}</title><script>alert("x")</script></head><body><p>First &eacute; para.</p><p>Second ${tag}</p></body></html>`),
      "b.md": strToU8(`# A heading ${tag}\nMarkdown body ${tag}`),
      "c.txt": strToU8(`Plain text ${tag}`),
      "ignored.png": new Uint8Array([1, 2, 3]),
    });
    const source = unique("Zip source");
    const job = await runImport(analyst, "articles", "bundle.zip", zip, { source });
    expect(job.report.created.articles).toBe(3);
    const articles = await db().article.findMany({ where: { source: { name: source } }, orderBy: { title: "asc" } });
    expect(articles.map((a) => a.title)).toEqual([`A heading ${tag}`, `Hello & ${tag}`, "c"]);
    expect(articles[1]!.body).toBe(`First é para.\n\nSecond ${tag}`);
  });

  it("annotations: anchored, re-anchored (both positions reported), orphaned and rejected are told apart; only good ones are created", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const reviewer = await makeUser("REVIEWER");
    const body = `${unique("Lead")} 😀 the minister said the plan works.`;
    const article = await makeArticle(reviewer, { body });
    const { contentHash } = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    const at = Array.from(body.slice(0, body.indexOf("minister"))).length;
    const record = {
      id: randomUUID(), title: "t", source: { id: randomUUID(), name: "n", slug: "n" }, byline: null, url: null, publishedAt: null, text: null, contentHash,
      annotations: [
        annotation({ start: at, end: at + 8, quote: "minister", prefix: body.slice(Math.max(0, body.indexOf("minister") - 32), body.indexOf("minister")).slice(-32) }),
        annotation({ start: 0, end: 10, quote: "plan works", annotator: { id: reviewer.id, name: "x" } }),
        annotation({ start: 0, end: 5, quote: "zebra" }),
        annotation({ start: 0, end: 4, quote: "said", label: "no_such_label" }),
      ],
    };
    const job = await runImport(reviewer, "annotations", "a.jsonl", `${JSON.stringify(record)}\nnot json\n`);
    const r: ImportReport = job.report;
    expect(r.created.annotations).toBe(2);
    expect(r.anchored).toBe(1);
    expect(r.reanchored).toEqual([expect.objectContaining({ line: 1, from: { start: 0, end: 10 }, to: { start: Array.from(body).length - 11, end: Array.from(body).length - 1 } })]);
    expect(r.orphaned).toEqual([expect.objectContaining({ line: 1, quote: "zebra" })]);
    expect(r.rejected).toEqual([{ line: 1, item: "annotation 4", reason: expect.stringMatching(/unknown label "no_such_label"/) }, { line: 2, reason: expect.stringMatching(/not valid JSON/) }]);
    const rows = await db().annotation.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
    // "someone-elsewhere" is no one here: an inactive imported annotator stands in for them.
    const imported = await db().user.findUniqueOrThrow({ where: { importKey: "someone-elsewhere" } });
    expect(imported).toMatchObject({ name: "Elsewhere", role: "ANALYST", deactivatedAt: expect.any(Date) });
    expect(rows.map((a) => [a.quote, a.annotatorId])).toEqual([["minister", imported.id], ["plan works", reviewer.id]]);
    // Imported spans carry their figure keys like any other write (the bulk insert once stored none).
    expect(rows.map((a) => a.quoteKey)).toEqual(["minister", "plan works"]);
    expect(r.annotators).toEqual([
      { key: "someone-elsewhere", name: "Elsewhere", to: { id: imported.id, name: "Elsewhere" }, how: "new imported annotator", annotations: 1 },
      { key: reviewer.id, name: "x", to: { id: reviewer.id, name: reviewer.name }, how: "you", annotations: 1 },
    ]);
  });

  it("W3C and Label Studio annotations find their article by IRI or by text", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const analyst = await makeUser("ANALYST");
    const body = `${unique("Shared")} text with a claim in it.`;
    const article = await makeArticle(analyst, { body });
    const at = Array.from(body.slice(0, body.indexOf("a claim"))).length;
    const exported = { id: article.id, title: "t", source: { id: randomUUID(), name: "s", slug: "s" }, byline: null, url: null, publishedAt: null, text: body, contentHash: "h", annotations: [annotation({ start: at, end: at + 7, quote: "a claim" })] };
    let w3c = "";
    for await (const chunk of writeW3c((async function* () { yield exported; })(), { annotationsOnly: false, baseUrl: "https://other.example" })) w3c += chunk;
    const fromW3c = await runImport(analyst, "annotations", "a.jsonld", w3c);
    expect(fromW3c.report).toMatchObject({ created: { annotations: 1 }, anchored: 1, orphaned: [] });

    const task = [{ data: { text: body }, annotations: [{ result: [{ id: "r1", type: "labels", value: { start: at, end: at + 7, text: "a claim", labels: ["unverified"] } }] }] }];
    const fromLabelStudio = await runImport(analyst, "annotations", "tasks.json", JSON.stringify(task));
    expect(fromLabelStudio.format).toBe("labelstudio");
    expect(fromLabelStudio.report).toMatchObject({ created: { annotations: 1 }, anchored: 1 });
    expect(await db().annotation.count({ where: { articleId: article.id, annotatorId: analyst.id } })).toBe(2);
  });

  it("refuses unreadable files before creating a job, and shows a job only to its owner or an admin", async () => {
    const [analyst, other, admin] = [await makeUser("ANALYST"), await makeUser("ANALYST"), await makeUser("ADMIN")];
    const jobs = await db().importJob.count();
    const bad: [string, ImportKind, string | Uint8Array, RegExp][] = [
      ["x.jsonl", "articles", "this is not json\n{}", /not JSON/],
      ["x.csv", "articles", "name,text\na,b", /missing title, source, body/],
      ["x.zip", "articles", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]), /zip|source/],
      ["x.json", "annotations", "{ nope", /cannot be read/],
      ["x.txt", "articles", "hello", /Cannot tell the format/],
      ["x.jsonl", "articles", new Uint8Array([0xff, 0xfe, 0x00]), /UTF-8/],
    ];
    for (const [filename, kind, content, message] of bad) {
      await expect(runImport(analyst, kind, filename, content, { source: "S" }), filename).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(message) });
    }
    expect(await db().importJob.count()).toBe(jobs);

    const ok = await runImport(analyst, "articles", "one.csv", `title,source,body\nT,${unique("S")},${unique("B")}`);
    await expect(getImportJob({ actor: other, id: ok.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getImportJob({ actor: admin, id: ok.id })).report.created.articles).toBe(1);
    expect((await getImportJob({ actor: await makeUser("REVIEWER"), id: ok.id })).report.created.articles).toBe(1);
  });

  it("lists an analyst's own jobs and everyone's for a reviewer, newest first, page by page; a stale job shows as failed", async () => {
    const [analyst, other, reviewer] = [await makeUser("ANALYST"), await makeUser("ANALYST"), await makeUser("REVIEWER")];
    const csv = () => `title,source,body\nT,${unique("S")},${unique("B")}`;
    const mine = [await runImport(analyst, "articles", "first.csv", csv()), await runImport(analyst, "articles", "second.csv", csv()), await runImport(analyst, "articles", "third.csv", csv())];
    const theirs = await runImport(other, "articles", "theirs.csv", csv());
    const own = await listImportJobs({ actor: analyst, query: { limit: 100 } });
    expect(own.items.map((j) => j.filename)).toEqual(["third.csv", "second.csv", "first.csv"]);
    expect(own.items[0]).toMatchObject({ status: "SUCCEEDED", user: { id: analyst.id, name: analyst.name }, created: { articles: 1, annotations: 0 }, rejected: 0 });
    expect(own.nextCursor).toBeNull();
    const page = await listImportJobs({ actor: analyst, query: { limit: 2 } });
    const rest = await listImportJobs({ actor: analyst, query: { limit: 2, cursor: page.nextCursor! } });
    expect([...page.items, ...rest.items].map((j) => j.id)).toEqual(mine.map((j) => j.id).reverse());
    const all = (await listImportJobs({ actor: reviewer, query: { limit: 100 } })).items.map((j) => j.id);
    expect(all).toEqual(expect.arrayContaining([theirs.id, ...mine.map((j) => j.id)]));

    await db().$executeRaw`UPDATE "ImportJob" SET status = 'RUNNING', "finishedAt" = NULL, "updatedAt" = now() - interval '1 hour' WHERE id = ${mine[0]!.id}::uuid`;
    const stale = (await listImportJobs({ actor: analyst, query: { limit: 100 } })).items.find((j) => j.id === mine[0]!.id);
    expect(stale).toMatchObject({ status: "FAILED", error: expect.stringMatching(/interrupted/) });
  });

  it("an analyst's gold annotations are rejected, not silently made ordinary", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const analyst = await makeUser("ANALYST");
    const body = `${unique("Gold")} words here.`;
    const article = await makeArticle(analyst, { body });
    const record = { id: article.id, title: "t", source: { id: randomUUID(), name: "n", slug: "n" }, byline: null, url: null, publishedAt: null, text: null, contentHash: "", annotations: [annotation({ start: 0, end: 4, quote: "Gold", gold: true })] };
    const job = await runImport(analyst, "annotations", "g.jsonl", JSON.stringify(record));
    expect(job.report.rejected).toEqual([{ line: 1, item: "annotation 1", reason: expect.stringMatching(/only be imported by a reviewer/) }]);
    expect(await db().goldAnnotation.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("reads a stored JSON Lines upload piece by piece: a character cut by a piece boundary arrives whole", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const admin = await makeUser("ADMIN");
    const { CHUNK_BYTES } = await import("../../lib/db/import/stored-file");
    const article = (body: string, annotations: unknown[] = []) => ({
      id: randomUUID(), title: unique("Pieces"), source: { id: randomUUID(), name: "Pieces source", slug: "pieces-source" }, byline: null, url: null, publishedAt: null, text: body, annotations,
    });
    // Articles are at most 500,000 characters, a stored piece is 1 MiB: three long ASCII articles come first.
    const fillers = [1, 2, 3].map((n) => `${JSON.stringify(article(`${unique(`Filler ${n}`)} ${"y".repeat(300_000)}`))}\n`).join("");
    const tail = `${"é".repeat(2000)} 😀 end`;
    const last = (padding: number) => {
      const body = `${"x".repeat(padding)}${tail}`;
      const length = Array.from(body).length;
      return article(body, [annotation({ start: length - 7, end: length, quote: "é 😀 end", prefix: "", suffix: "" })]);
    };
    // Pad the last body so that its first "é" (two bytes) starts on the last byte of the first piece.
    const bytesOf = (text: string) => new TextEncoder().encode(text).byteLength;
    const probe = JSON.stringify(last(0));
    const padding = CHUNK_BYTES - 1 - bytesOf(fillers) - bytesOf(probe.slice(0, probe.indexOf("é")));
    const record = last(padding);
    const file = `${fillers}${JSON.stringify(record)}\n`;
    expect(new TextEncoder().encode(file).subarray(CHUNK_BYTES - 1, CHUNK_BYTES + 1)).toEqual(new TextEncoder().encode("é"));
    const job = await runImport(admin, "articles", "pieces.jsonl", file);
    expect(job).toMatchObject({ status: "SUCCEEDED", total: 4, processed: 4 });
    expect(job.report.rejected).toEqual([]);
    expect(job.report.created).toEqual({ articles: 4, annotations: 1 });
    const stored = await db().article.findUniqueOrThrow({ where: { id: record.id }, include: { annotations: true } });
    expect(stored.body).toBe(record.text);
    expect(stored.annotations.map((a) => a.quote)).toEqual(["é 😀 end"]);
  });

  it("keeps no batch's values alive after the import (Prisma's debug history holds the last statements' parameters)", async () => {
    const { getLogs } = await import("@prisma/debug");
    await seedLabels(db(), (await loadSeeds()).labels);
    const admin = await makeUser("ADMIN");
    const marker = unique("RetainedMarker");
    const body = `${marker} is the body of this article.`;
    const record = {
      id: randomUUID(), title: unique("Kept"), source: { id: randomUUID(), name: unique("Kept source"), slug: unique("kept") }, byline: null, url: null, publishedAt: null, text: body,
      annotations: [annotation({ start: 0, end: Array.from(marker).length, quote: marker })],
    };
    const job = await runImport(admin, "articles", "kept.jsonl", JSON.stringify(record));
    expect(job.report.created).toEqual({ articles: 1, annotations: 1 });
    expect(getLogs(Number.MAX_SAFE_INTEGER)).not.toContain(marker);
  });
});
