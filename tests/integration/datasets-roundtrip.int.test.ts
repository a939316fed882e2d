import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../lib/datasets/import-report";
import type { Actor } from "../../lib/auth/policy";
import { createAnnotation, deleteAnnotation } from "../../lib/db/spans/annotations";
import { connectDb, db, type Db } from "../../lib/db/client";
import { addComment } from "../../lib/db/spans/comments";
import { exportArticles } from "../../lib/db/export/datasets";
import { acceptIntoGold, reviewAnnotation } from "../../lib/db/spans/gold";
import { startImport } from "../../lib/db/import/jobs";
import { seedLabels } from "../../lib/db/seed";
import { writeJsonl } from "../../lib/formats/jsonl";
import { spanContext } from "../../lib/spans";
import { loadSeeds } from "../../seeds/load";
import { freshDatabase } from "../support/fresh-database";
import { makeArticle, makeUser, unique } from "../support/factories";

const cp = (text: string, needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;
const len = (s: string) => Array.from(s).length;

/** Another Slant instance: a fresh database with the built-in labels, gone after `test`. */
async function onFreshInstance(test: (client: Db) => Promise<void>): Promise<void> {
  const database = await freshDatabase();
  const client = connectDb(database.url, database.kind);
  try {
    await seedLabels(client, (await loadSeeds()).labels);
    await test(client);
  } finally {
    await client.$disconnect();
    await database.dispose();
  }
}

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

    await onFreshInstance(async (client) => {
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
    });
  });

  it("on a fresh instance where only the importer exists, the annotators come back: the export is identical, annotators included", async () => {
    const { admin, users, sourceId } = await annotatedArticle();
    const first = await jsonlOf(admin, db(), sourceId);
    const [, analyst, reviewer] = users;

    await onFreshInstance(async (client) => {
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
      await onFreshInstance(async (second) => {
        const admin2 = await second.user.create({ data: { email: "admin@second.example", name: "Admin", role: "ADMIN", passwordHash: "not-used" }, select: { id: true, email: true, name: true, role: true } });
        const pseudonymised = await jsonlOf(admin, db(), sourceId, "a secret");
        const once = await importInto(second, admin2, pseudonymised);
        expect(once.annotators.map((m) => m.how)).toEqual(["new imported annotator", "new imported annotator"]);
        expect(await second.user.count({ where: { importKey: { startsWith: "annotator-" } } })).toBe(2);
        const twice = await importInto(second, admin2, pseudonymised);
        expect(twice.created).toEqual({ articles: 0, annotations: 0 });
        expect(await second.user.count()).toBe(3);
      });
    });
  });

  it("carries review decisions, gold from two annotators' spans and comments: byte-identical through a fresh database, and a second import adds nothing", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const [admin, ana, ben, reviewer] = [await makeUser("ADMIN"), await makeUser("ANALYST"), await makeUser("ANALYST"), await makeUser("REVIEWER")];
    const text = `${unique("Recorded")}: the minister said the so-called reform 👍🏽 worked.`;
    const article = await makeArticle(ana, { body: text });
    const span = (needle: string) => ({ start: cp(text, needle), end: cp(text, needle) + len(needle), quote: needle });
    const claim = { label: "claim", ...span("the minister said") } as const;
    const byAna = await createAnnotation({ actor: ana, articleId: article.id, input: claim });
    const byBen = await createAnnotation({ actor: ben, articleId: article.id, input: claim });
    const loaded = await createAnnotation({ actor: ben, articleId: article.id, input: { label: "loaded_language", ...span("so-called reform 👍🏽") } });
    await reviewAnnotation({ actor: reviewer, annotationId: loaded.id, input: { decision: "REJECTED", reason: "Neutral in context 🙂" } });
    await reviewAnnotation({ actor: reviewer, annotationId: byAna.id, input: { decision: "ACCEPTED" } });
    const gold = await acceptIntoGold({ actor: reviewer, articleId: article.id, annotationIds: [byAna.id, byBen.id] });
    await addComment({ actor: reviewer, articleId: article.id, input: { goldAnnotationId: gold.id, body: "Both agree; kept." } });
    await addComment({ actor: admin, articleId: article.id, input: { annotationId: loaded.id, body: "Second opinion: loaded." } });
    const sourceId = (await db().article.findUniqueOrThrow({ where: { id: article.id } })).sourceId;
    const first = await jsonlOf(admin, db(), sourceId);
    const written = (JSON.parse(first) as { annotations: { id: string; review?: unknown; goldFrom?: string[]; comments?: unknown[] }[] }).annotations;
    expect(written.find((a) => a.id === gold.id)?.goldFrom).toEqual([byAna.id, byBen.id].sort());
    expect(written.filter((a) => a.review)).toHaveLength(2);
    expect(written.flatMap((a) => a.comments ?? [])).toHaveLength(2);

    await onFreshInstance(async (client) => {
      const importer = await client.user.create({ data: { email: `importer-${sourceId}@test.example`, name: "Importer", role: "ADMIN", passwordHash: "not-used" }, select: { id: true, email: true, name: true, role: true } });
      const report = await importInto(client, importer, first);
      expect(report).toMatchObject({ created: { articles: 1, annotations: 4 }, rejected: [], duplicates: [] });
      expect(report.records).toEqual({ created: { reviews: 2, goldSources: 2, comments: 2 }, existing: { reviews: 0, goldSources: 0, comments: 0 }, ignored: { reviews: 0, goldSources: 0, comments: 0 }, unlinked: 0 });
      // The admin only commented: mapped all the same, so their comment keeps its author.
      expect(report.annotators.find((m) => m.key === admin.id)).toMatchObject({ to: { id: admin.id }, how: "new imported annotator", annotations: 0 });
      expect(await jsonlOf(importer, client)).toBe(first);
      const events = await client.auditEvent.findMany({ where: { actorId: importer.id, action: { in: ["annotation.review.import", "gold.sources.import", "comment.import"] } }, select: { action: true, entityId: true } });
      expect(events.map((e) => e.action).sort()).toEqual(["annotation.review.import", "annotation.review.import", "comment.import", "comment.import", "gold.sources.import"]);
      expect(events.find((e) => e.action === "gold.sources.import")?.entityId).toBe(gold.id);

      const counts = async () => [await client.annotationReview.count(), await client.goldSource.count(), await client.comment.count(), await client.auditEvent.count(), await client.user.count()];
      const before = await counts();
      const again = await importInto(client, importer, first);
      expect(again.created).toEqual({ articles: 0, annotations: 0 });
      expect(again.records).toMatchObject({ created: { reviews: 0, goldSources: 0, comments: 0 }, existing: { reviews: 2, goldSources: 2, comments: 2 } });
      expect((await counts()).slice(0, 3)).toEqual(before.slice(0, 3));
      expect(await jsonlOf(importer, client)).toBe(first);

      // An analyst's import of the same file, into a third database: spans in their name, no reviewers' record.
      await onFreshInstance(async (third) => {
        const analyst = await third.user.create({ data: { email: "analyst@third.example", name: "Analyst", role: "ANALYST", passwordHash: "not-used" }, select: { id: true, email: true, name: true, role: true } });
        const byAnalyst = await importInto(third, analyst, first);
        expect(byAnalyst.records.ignored).toEqual({ reviews: 2, goldSources: 0, comments: 1 });
        expect(await third.annotationReview.count()).toBe(0);
        expect(await third.comment.count()).toBe(0);
        expect(await third.user.count()).toBe(1);
      });
    });
  });

  it("matches annotators by the email the export carries: on an instance where they have other ids, their spans go to their accounts there", async () => {
    const { admin, users, sourceId } = await annotatedArticle();
    const [, analyst, reviewer] = users;
    const file = await jsonlOf(admin, db(), sourceId);
    expect(file).toContain(`"email":"${analyst!.email}"`);

    await onFreshInstance(async (client) => {
      const importer = await client.user.create({ data: { email: "importer@elsewhere.example", name: "Importer", role: "ADMIN", passwordHash: "not-used" }, select: { id: true, email: true, name: true, role: true } });
      // The same people, signed up there under their own (different) ids.
      const there = await client.user.create({ data: { email: analyst!.email, name: "Ana there", role: "ANALYST", passwordHash: "not-used" } });
      const reviewerThere = await client.user.create({ data: { email: reviewer!.email, name: "Rev there", role: "REVIEWER", passwordHash: "not-used" } });
      const report = await importInto(client, importer, file);
      expect(report.annotators.map((m) => [m.key, m.to.id, m.how]).sort()).toEqual([[analyst!.id, there.id, "email"], [reviewer!.id, reviewerThere.id, "email"]].sort());
      expect(await client.annotation.count({ where: { annotatorId: there.id } })).toBe(3);
      expect(await client.user.count()).toBe(3); // nobody imported twice
    });
  });
});
