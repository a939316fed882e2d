// Issue #12: imports that can be repeated, that keep their annotators, that
// take hand-written files, and that never leave half a row behind.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { describeRejected, type ImportReport } from "../../lib/datasets/import-report";
import { db } from "../../lib/db/client";
import { getImportJob, startImport } from "../../lib/db/import/jobs";
import { seedLabels } from "../../lib/db/seed";
import type { ImportFormat, ImportKind } from "../../lib/schemas/datasets";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

async function runImport(actor: Actor, kind: ImportKind, filename: string, content: string, format?: ImportFormat) {
  const job = await startImport({ actor, file: { bytes: new TextEncoder().encode(content), filename, kind, baseUrl: "http://slant.test", ...(format ? { format } : {}) } });
  await job.finished;
  const view = await getImportJob({ actor, id: job.id });
  expect(view.status).toBe("SUCCEEDED");
  return view.report;
}

const cp = (text: string, needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;
const region = (id: string, text: string, needle: string, label: string) => ({ id, type: "labels", from_name: "label", to_name: "text", value: { start: cp(text, needle), end: cp(text, needle) + Array.from(needle).length, text: needle, labels: [label] } });

/** A line of Slant's own export format (every field), so these tests also hold for files as main reads them. */
function exportLine(fields: { title: string; source: string; text: string; publishedAt?: string | null; annotations?: Record<string, unknown>[] }): string {
  return JSON.stringify({
    id: randomUUID(), title: fields.title, source: { id: randomUUID(), name: fields.source, slug: fields.source.toLowerCase() }, byline: null, url: null, publishedAt: fields.publishedAt ?? null, text: fields.text, contentHash: "",
    annotations: (fields.annotations ?? []).map((a) => ({ id: randomUUID(), prefix: "", suffix: "", note: null, attributes: {}, annotator: { id: randomUUID(), name: "Someone" }, gold: false, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z", ...a })),
  });
}

async function withLabels() {
  await seedLabels(db(), (await loadSeeds()).labels);
}

describe("importing twice never doubles", () => {
  it("a Label Studio file imported twice: the second report counts every span as a duplicate and no count changes", async () => {
    await withLabels();
    const reviewer = await makeUser("REVIEWER");
    const [one, two] = [`${unique("One")} — the minister said the plan works.`, `${unique("Two")} 😀 critics called it a disaster.`];
    await makeArticle(reviewer, { body: one });
    await makeArticle(reviewer, { body: two });
    // Region ids repeat across tasks ("r1"), as in hand-made files; completed_by is a Label Studio user id.
    const tasks = [
      { id: 1, data: { text: one }, annotations: [{ completed_by: 7, result: [region("r1", one, "the minister said", "attribution"), region("r2", one, "the plan works", "claim")] }] },
      { id: 2, data: { text: two }, annotations: [{ completed_by: 7, result: [region("r1", two, "a disaster", "loaded_language")] }, { completed_by: 8, result: [region("r1", two, "a disaster", "loaded_language")] }] },
    ];
    const file = JSON.stringify(tasks);
    const first = await runImport(reviewer, "annotations", "tasks.json", file);
    expect(first.created.annotations).toBe(4);
    expect(first.duplicates).toEqual([]);
    const counts = async () => [await db().annotation.count(), await db().user.count(), await db().auditEvent.count()];
    const before = await counts();

    const second = await runImport(reviewer, "annotations", "tasks.json", file);
    expect(second.created).toEqual({ articles: 0, annotations: 0 });
    expect(second.duplicates).toHaveLength(4);
    expect(second.duplicates.every((d) => d.what === "annotation" && d.match === "external id")).toBe(true);
    expect(await counts()).toEqual([before[0], before[1], before[2]! + 1]); // only the job's own "import.finish" event

    const stored = await db().annotation.findMany({ where: { article: { body: { in: [one, two] } } }, select: { externalId: true } });
    expect(stored.map((a) => a.externalId).sort()).toEqual(["r1", "r1", "r1", "r2"]);
  });

  it("spans with other ids are duplicates when the same annotator has the same label and range; a moved copy of a file is still recognised", async () => {
    await withLabels();
    const analyst = await makeUser("ANALYST");
    const text = `${unique("Plain")} the minister said the plan works.`;
    // Each call gives the span a new id: a copy of the file whose ids were lost on the way (a spreadsheet, another tool).
    const line = () => exportLine({ title: "T", source: "S", text, annotations: [{ start: cp(text, "the plan"), end: cp(text, "the plan") + 14, label: "claim", quote: "the plan works" }] });
    const first = await runImport(analyst, "articles", "a.jsonl", line());
    expect(first.created).toEqual({ articles: 1, annotations: 1 });
    const again = await runImport(analyst, "annotations", "a.jsonl", line());
    expect(again.created.annotations).toBe(0);
    expect(again.duplicates).toEqual([{ line: 1, what: "annotation", existingId: expect.any(String), match: "same span" }]);
    expect(await db().annotation.count({ where: { article: { body: text } } })).toBe(1);
  });
});

describe("a rejected row creates nothing", () => {
  it("an article the database refuses leaves no source behind, and the report shows no database text", async () => {
    await withLabels();
    const admin = await makeUser("ADMIN");
    const source = unique("Never created");
    const rows = [
      exportLine({ title: "Year zero", source, text: `${unique("Zero")} text.`, publishedAt: "0000-01-01" }),
      exportLine({ title: "NUL note", source: unique("Created"), text: `${unique("Nul")} text here.`, annotations: [{ start: 0, end: 3, label: "claim", quote: "Nul", note: "a\u0000b" }] }),
    ].join("\n");
    const report = await runImport(admin, "articles", "bad.jsonl", rows);
    expect(await db().source.count({ where: { name: source } })).toBe(0);
    expect(report.created.articles).toBe(1); // the second article is fine; only its annotation is refused
    for (const r of report.rejected) expect(describeRejected(r)).not.toMatch(/constraint|violat|SQL|prisma|invalid input syntax|out of range for type|P2\d{3}|\bcode\b/i);
    expect(report.rejected.map((r) => r.line)).toEqual([1, 2]);
    expect(report.rejected[0]!.reason).toMatch(/^could not be stored: the database refused it|^publishedAt/);
  });

  it("a Label Studio file that is an object, not a list of tasks, is refused before any job exists", async () => {
    const analyst = await makeUser("ANALYST");
    const jobs = await db().importJob.count();
    const file = JSON.stringify({ data: { text: "one task on its own" }, annotations: [] });
    await expect(startImport({ actor: analyst, file: { bytes: new TextEncoder().encode(file), filename: "task.json", kind: "annotations", baseUrl: "http://slant.test" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/list of tasks/),
    });
    expect(await db().importJob.count()).toBe(jobs);
  });
});

describe("one bad annotation rejects that annotation only", () => {
  it("says which line and which annotation, in one sentence, and creates the rest", async () => {
    await withLabels();
    const analyst = await makeUser("ANALYST");
    const text = `${unique("Lead")}: officials said the so-called reform would save money, critics disagreed.`;
    const at = cp(text, "critics");
    const line = JSON.stringify({
      title: unique("Partly good"),
      source: unique("Src"),
      text,
      annotations: [
        { start: cp(text, "officials said"), end: cp(text, "officials said") + 14, label: "attribution", quote: "officials said" },
        { start: cp(text, "so-called reform"), end: cp(text, "so-called reform") + 16, label: "loaded_language", quote: "so-called reform" },
        { start: at, end: at + 12, label: "claim", quote: "the minister" },
        { start: 0, end: 4, label: "opinion", quote: text.slice(0, 4) },
        { end: 4, label: "claim", quote: "x" },
      ],
    });
    const report = await runImport(analyst, "articles", "hand.jsonl", `\n${line}\n`);
    expect(report.created).toEqual({ articles: 1, annotations: 2 });
    expect(report.rejected.map(describeRejected)).toEqual([
      `line 2, annotation 3: quote "the minister" is not the text at ${at}–${at + 12} (found "critics disa")`,
      'line 2, annotation 5: "start" is missing'.replace('"start" is missing', "end is given without start"),
      expect.stringMatching(/^line 2, annotation 4: unknown label "opinion"; the labels are /),
    ]);
  });
});

describe("minimal files, exactly as the README shows them", () => {
  it("imports the README's JSONL and CSV examples with the documented defaults", async () => {
    await withLabels();
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    const block = (lang: string) => {
      const match = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(readme);
      if (!match) throw new Error(`README.md has no \`\`\`${lang} example`);
      return match[1]!;
    };
    const analyst = await makeUser("ANALYST");
    const jsonl = await runImport(analyst, "articles", "minimal.jsonl", block("jsonl"));
    expect(jsonl).toMatchObject({ created: { articles: 1, annotations: 2 }, rejected: [], orphaned: [] });
    const csv = await runImport(analyst, "annotations", "minimal.csv", block("csv"));
    expect(csv).toMatchObject({ created: { annotations: 1 }, rejected: [], orphaned: [] });

    const title = (JSON.parse(block("jsonl").trim()) as { title: string }).title;
    const article = await db().article.findFirstOrThrow({ where: { title }, include: { source: true, annotations: { include: { label: true }, orderBy: { start: "asc" } } } });
    expect(article.importedById).toBe(analyst.id);
    expect(article.annotations.map((a) => [a.label.key, a.quote, a.annotatorId, a.prefix.length > 0 || a.start === 0])).toEqual([
      ["attribution", "ministry said", analyst.id, true],
      ["claim", "the plan was a great success", analyst.id, true],
      ["loaded_language", "great success", analyst.id, true],
    ]);
    expect(jsonl.annotators).toEqual([{ key: "", name: "", to: { id: analyst.id, name: analyst.name }, how: "you", annotations: 2 }]);
  });
});

describe("audit", () => {
  it("every imported annotation and gold span has its audit event", async () => {
    await withLabels();
    const reviewer = await makeUser("REVIEWER");
    const text = `${unique("Audited")} the minister said the plan works.`;
    const span = (needle: string, label: string, gold = false) => ({ start: cp(text, needle), end: cp(text, needle) + needle.length, label, quote: needle, gold });
    const line = exportLine({ title: "A", source: unique("S"), text, annotations: [span("the minister said", "attribution"), span("the plan works", "claim"), span("the plan works", "claim", true)] });
    const report: ImportReport = await runImport(reviewer, "articles", "audit.jsonl", line);
    expect(report.created.annotations).toBe(3);
    const article = await db().article.findFirstOrThrow({ where: { body: text }, include: { annotations: true, gold: true } });
    const events = await db().auditEvent.findMany({ where: { entityId: { in: [...article.annotations, ...article.gold].map((a) => a.id) } } });
    expect(events.map((e) => e.action).sort()).toEqual(["annotation.import", "annotation.import", "gold.import"]);
    expect(events.every((e) => e.actorId === reviewer.id)).toBe(true);
  });
});
