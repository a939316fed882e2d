import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../lib/datasets/import-report";
import type { Actor } from "../../lib/auth/permissions";
import { createAnnotation, deleteAnnotation } from "../../lib/db/annotations";
import { connectDb, db, type Db } from "../../lib/db/client";
import { exportArticles } from "../../lib/db/export";
import { startImport } from "../../lib/db/import-jobs";
import { seedLabels } from "../../lib/db/seed";
import { writeJsonl } from "../../lib/formats/jsonl";
import { spanContext } from "../../lib/spans";
import { loadSeeds } from "../../seeds/load";
import { freshDatabase } from "../support/fresh-database";
import { makeArticle, makeUser, unique } from "../support/factories";

const cp = (text: string, needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;
const len = (s: string) => Array.from(s).length;

async function jsonlOf(actor: Actor, client: Db, sourceId?: string, pseudonymSecret?: string): Promise<string> {
  const filters = { sourceId: sourceId ? [sourceId] : [], label: [], annotator: [], gold: false, pseudonymize: pseudonymSecret !== undefined, annotationsOnly: false };
  let out = "";
  for await (const chunk of writeJsonl(exportArticles({ actor, filters, client, pseudonymSecret }), { annotationsOnly: false, baseUrl: "http://slant.test" })) out += chunk;
  return out;
}

async function importInto(client: Db, actor: Actor, jsonl: string): Promise<ImportReport> {
  const job = await startImport({ actor, client, file: { bytes: new TextEncoder().encode(jsonl), filename: "dataset.jsonl", kind: "articles", baseUrl: "http://slant.test" } });
  await job.finished;
  const done = await client.importJob.findUniqueOrThrow({ where: { id: job.id } });
  expect(done.status).toBe("SUCCEEDED");
  return done.report as unknown as ImportReport;
}

/** An article with emoji, overlapping spans, attributes, a note, a gold span and a deleted span. */
async function annotatedArticle() {
  await seedLabels(db(), (await loadSeeds()).labels);
  const [admin, analyst, reviewer] = [await makeUser("ADMIN"), await makeUser("ANALYST"), await makeUser("REVIEWER")];
  const text = `${unique("Round trip")} 👍🏽 — officials said the so-called "liberation" 🇸🇾 was a success.\n\nCritics disagreed.`;
  const article = await makeArticle(analyst, { body: text, publishedAt: "2021-08-12" });
  const span = (needle: string) => ({ start: cp(text, needle), end: cp(text, needle) + len(needle), quote: needle });
  await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "attribution", ...span("officials said"), attributes: { speaker: "officials", kind: "vague" } } });
  await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "loaded_language", ...span('so-called "liberation" 🇸🇾'), note: "scare quotes 👀" } });
  await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "claim", ...span('the so-called "liberation" 🇸🇾 was a success') } });
  const deleted = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "unverified", ...span("Critics") } });
  await deleteAnnotation({ actor: analyst, id: deleted.id });
  const goldSpan = span("👍🏽 — officials");
  await db().goldAnnotation.create({
    data: { articleId: article.id, labelId: (await db().label.findUniqueOrThrow({ where: { key: "claim" } })).id, adjudicatorId: reviewer.id, ...goldSpan, ...spanContext(text, goldSpan.start, goldSpan.end), attributes: { checkworthy: true } },
  });
  const sourceId = (await db().article.findUniqueOrThrow({ where: { id: article.id } })).sourceId;
  return { admin, users: [admin, analyst, reviewer], sourceId };
}

describe("export → import into an empty database → export", () => {
  it("gives byte-identical JSONL, with emoji and overlapping spans", async () => {
    const { admin, users, sourceId } = await annotatedArticle();
    const first = await jsonlOf(admin, db(), sourceId);
    expect(first.split("\n").filter(Boolean)).toHaveLength(1);
    expect(first).toContain("👍🏽");
    expect((JSON.parse(first) as { annotations: unknown[] }).annotations).toHaveLength(4); // the deleted one is not exported

    const empty = await freshDatabase();
    const client = connectDb(empty.url, empty.kind);
    try {
      await seedLabels(client, (await loadSeeds()).labels);
      for (const u of users) await client.user.create({ data: { id: u.id, email: u.email, name: u.name, role: u.role, passwordHash: "not-used" } });
      const job = await startImport({ actor: admin, client, file: { bytes: new TextEncoder().encode(first), filename: "dataset.jsonl", kind: "articles", baseUrl: "http://slant.test" } });
      await job.finished;
      const done = await client.importJob.findUniqueOrThrow({ where: { id: job.id } });
      expect(done).toMatchObject({ status: "SUCCEEDED", total: 1, processed: 1 });
      expect(done.report).toMatchObject({ created: { articles: 1, annotations: 4 }, anchored: 4, reanchored: [], orphaned: [], rejected: [], duplicates: [] });

      const second = await jsonlOf(admin, client);
      expect(second).toBe(first);

      const again = await startImport({ actor: admin, client, file: { bytes: new TextEncoder().encode(first), filename: "dataset.jsonl", kind: "articles", baseUrl: "http://slant.test" } });
      await again.finished;
      const repeat = await client.importJob.findUniqueOrThrow({ where: { id: again.id } });
      expect(repeat.report).toMatchObject({ created: { articles: 0, annotations: 0 }, rejected: [] });
      expect((repeat.report as unknown as ImportReport).duplicates).toEqual([{ line: 1, what: "article", existingId: expect.any(String), title: expect.any(String) }, ...Array.from({ length: 4 }, () => ({ line: 1, what: "annotation", existingId: expect.any(String), match: "id" }))]);
      expect(await client.annotation.count()).toBe(3);
    } finally {
      await client.$disconnect();
      await empty.dispose();
    }
  });

  it("on a fresh instance where only the importer exists, the annotators come back: the export is identical, annotators included", async () => {
    const { admin, users, sourceId } = await annotatedArticle();
    const first = await jsonlOf(admin, db(), sourceId);
    const [, analyst, reviewer] = users;

    const empty = await freshDatabase();
    const client = connectDb(empty.url, empty.kind);
    try {
      await seedLabels(client, (await loadSeeds()).labels);
      // The new instance's own admin: another account, not the exporting instance's.
      const importer = await client.user.create({ data: { email: `importer-${sourceId}@test.example`, name: "Importer", role: "ADMIN", passwordHash: "not-used" }, select: { id: true, email: true, name: true, role: true } });
      const report = await importInto(client, importer, first);
      expect(report).toMatchObject({ created: { articles: 1, annotations: 4 }, rejected: [], duplicates: [] });
      expect(report.annotators.map((m) => [m.key, m.to.id, m.how, m.annotations]).sort()).toEqual(
        [[analyst!.id, analyst!.id, "new imported annotator", 3], [reviewer!.id, reviewer!.id, "new imported annotator", 1]].sort(),
      );
      const accounts = await client.user.findMany({ where: { id: { in: [analyst!.id, reviewer!.id] } } });
      expect(accounts.map((u) => [u.name, u.importKey, u.deactivatedAt !== null]).sort()).toEqual([[analyst!.name, analyst!.id, true], [reviewer!.name, reviewer!.id, true]].sort());

      expect(await jsonlOf(importer, client)).toBe(first);

      // A pseudonymised export: one imported account per pseudonym, found again by the next file.
      const other = await freshDatabase();
      const second = connectDb(other.url, other.kind);
      try {
        await seedLabels(second, (await loadSeeds()).labels);
        const admin2 = await second.user.create({ data: { email: "admin@second.example", name: "Admin", role: "ADMIN", passwordHash: "not-used" }, select: { id: true, email: true, name: true, role: true } });
        const pseudonymised = await jsonlOf(admin, db(), sourceId, "a secret");
        const once = await importInto(second, admin2, pseudonymised);
        expect(once.annotators.map((m) => m.how)).toEqual(["new imported annotator", "new imported annotator"]);
        expect(await second.user.count({ where: { importKey: { startsWith: "annotator-" } } })).toBe(2);
        const twice = await importInto(second, admin2, pseudonymised);
        expect(twice.created).toEqual({ articles: 0, annotations: 0 });
        expect(await second.user.count()).toBe(3);
      } finally {
        await second.$disconnect();
        await other.dispose();
      }
    } finally {
      await client.$disconnect();
      await empty.dispose();
    }
  });
});
