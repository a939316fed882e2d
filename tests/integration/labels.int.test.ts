import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { db } from "../../lib/db/client";
import { exportArticles, exportLabels } from "../../lib/db/export/datasets";
import { exportFormats } from "../../lib/formats/registry";
import { getImportJob, startImport } from "../../lib/db/import/jobs";
import { listLabels } from "../../lib/db/labels/list";
import { createLabel, updateLabel } from "../../lib/db/labels/labels";
import { seedLabels } from "../../lib/db/seed";
import { createAnnotation, listAnnotations, updateAnnotation } from "../../lib/db/spans/annotations";
import type { ExportArticle } from "../../lib/formats/model";
import { CreateLabelInput, UpdateLabelInput } from "../../lib/schemas/labels";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

// Labels are rows that admins edit (decision 0021). The labels made here have
// unique keys and no shortcut (shortcuts are unique across the shared database).

const key = () => unique("t").replace(/-/g, "_");
const newLabel = (admin: Actor, over: Partial<Record<string, unknown>> = {}) =>
  createLabel({ actor: admin, input: CreateLabelInput.parse({ key: key(), name: "Framing", color: "#7c3aed", description: "How the story is framed.", ...over }) });
const patch = (admin: Actor, id: string, input: Record<string, unknown>) => updateLabel({ actor: admin, id, input: UpdateLabelInput.parse(input) });

async function articleWithWords(actor: Actor) {
  const body = `${unique("Lead")} the minister said the plan works.`;
  const article = await makeArticle(actor, { body });
  const at = (word: string) => {
    const start = Array.from(body.slice(0, body.indexOf(word))).length;
    return { start, end: start + word.length, quote: word };
  };
  return { article, body, at };
}

async function exported(actor: Actor, sourceId: string): Promise<ExportArticle[]> {
  const out: ExportArticle[] = [];
  const filters = { sourceId: [sourceId], label: [], annotator: [], gold: false, pseudonymize: false, annotationsOnly: false };
  for await (const a of exportArticles({ actor, filters, pseudonymSecret: "a-test-secret-of-at-least-32-characters" })) out.push(a);
  return out;
}

describe("labels, edited by admins", () => {
  it("creates, renames, recolours, reorders and defines fields, each change audited with before and after", async () => {
    const admin = await makeUser("ADMIN");
    const label = await newLabel(admin, { attributes: [{ key: "frame", name: "Frame", type: "choice", options: ["conflict", "economic"] }] });
    expect(label).toMatchObject({ name: "Framing", retired: false, attributes: [{ key: "frame", type: "choice", options: ["conflict", "economic"], required: false }] });
    const created = await db().auditEvent.findFirstOrThrow({ where: { entityId: label.id, action: "label.create" } });
    expect(created).toMatchObject({ actorId: admin.id, entityType: "Label", before: null, after: expect.objectContaining({ key: label.key }) });

    const after = await patch(admin, label.id, { name: "Framing device", color: "#1d4ed8", sortOrder: 99, attributes: [{ key: "frame", type: "choice", options: ["conflict"], required: true }] });
    expect(after).toMatchObject({ name: "Framing device", color: "#1d4ed8", sortOrder: 99, attributes: [{ key: "frame", options: ["conflict"], required: true }] });
    const updated = await db().auditEvent.findFirstOrThrow({ where: { entityId: label.id, action: "label.update" } });
    expect(updated.before).toMatchObject({ name: "Framing", color: "#7c3aed" });
    expect(updated.after).toMatchObject({ name: "Framing device", color: "#1d4ed8" });
    expect((await listLabels()).find((l) => l.id === label.id)).toMatchObject({ name: "Framing device" });
  });

  it("refuses a taken key or shortcut, and non-admins, writing nothing", async () => {
    const [admin, analyst, reviewer] = [await makeUser("ADMIN"), await makeUser("ANALYST"), await makeUser("REVIEWER")];
    // A shortcut no other test uses: shortcuts are unique across the database.
    const shortcut = String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 20000));
    const first = await newLabel(admin, { shortcut });
    const audits = await db().auditEvent.count({ where: { entityType: "Label" } });
    const labels = await db().label.count({ where: { key: { startsWith: "t_" } } });
    await expect(newLabel(admin, { key: first.key })).rejects.toMatchObject({ code: "CONFLICT", details: { field: "key" } });
    await expect(newLabel(admin, { shortcut })).rejects.toMatchObject({ code: "CONFLICT", details: { field: "shortcut" } });
    const second = await newLabel(admin);
    await expect(patch(admin, second.id, { shortcut })).rejects.toMatchObject({ code: "CONFLICT", details: { field: "shortcut", label: "Framing" } });
    for (const actor of [analyst, reviewer]) {
      await expect(newLabel(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(patch(actor, first.id, { name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db().label.count({ where: { key: { startsWith: "t_" } } })).toBe(labels + 1);
    expect(await db().auditEvent.count({ where: { entityType: "Label" } })).toBe(audits + 1);
    expect((await db().label.findUniqueOrThrow({ where: { id: first.id } })).name).toBe("Framing");
  });

  it("a retired label keeps its spans but takes no new ones, from the annotator, a relabel or an import", async () => {
    const [admin, analyst] = [await makeUser("ADMIN"), await makeUser("ANALYST")];
    const [label, other] = [await newLabel(admin), await newLabel(admin)];
    const { article, at } = await articleWithWords(analyst);
    const kept = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: label.key, ...at("minister") } });
    const claim = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: other.key, ...at("plan") } });
    expect(await patch(admin, label.id, { retired: true })).toMatchObject({ retired: true });
    expect(await db().auditEvent.count({ where: { entityId: label.id, action: "label.retire" } })).toBe(1);

    await expect(createAnnotation({ actor: analyst, articleId: article.id, input: { label: label.key, ...at("works") } })).rejects.toMatchObject({ code: "INVALID_INPUT", details: { code: "LABEL_RETIRED" } });
    await expect(updateAnnotation({ actor: analyst, id: claim.id, input: { version: claim.version, label: label.key } })).rejects.toMatchObject({ details: { code: "LABEL_RETIRED" } });
    // Its spans stay editable: a note on one is not a new span.
    expect(await updateAnnotation({ actor: analyst, id: kept.id, input: { version: kept.version, note: "still here" } })).toMatchObject({ label: label.key, note: "still here" });
    expect((await listAnnotations({ actor: analyst, articleId: article.id, query: { annotator: "me" } })).map((a) => a.label)).toContain(label.key);

    const record = {
      id: article.id, title: "t", source: { id: randomUUID(), name: "n", slug: "n" }, byline: null, url: null, publishedAt: null, text: null, contentHash: "",
      annotations: [{ id: randomUUID(), ...at("works"), label: label.key, prefix: "", suffix: "", note: null, attributes: {}, annotator: null, gold: false, createdAt: null, updatedAt: null }],
    };
    const job = await startImport({ actor: analyst, file: { bytes: new TextEncoder().encode(JSON.stringify(record)), filename: "r.jsonl", kind: "annotations", baseUrl: "http://slant.test" } });
    await job.finished;
    expect((await getImportJob({ actor: analyst, id: job.id })).report.rejected).toEqual([expect.objectContaining({ reason: expect.stringMatching(/is retired/) })]);

    // And they still export.
    const source = await db().article.findUniqueOrThrow({ where: { id: article.id }, select: { sourceId: true } });
    const spans = (await exported(analyst, source.sourceId)).flatMap((a) => a.annotations);
    expect(spans.map((s) => s.label)).toContain(label.key);
    // In every format, with the label list the app hands the writers (CoNLL makes one column per label).
    const labels = await exportLabels();
    for (const [name, format] of Object.entries(exportFormats)) {
      const articles = exportArticles({ actor: analyst, filters: { sourceId: [source.sourceId], label: [], annotator: [], gold: false, pseudonymize: false, annotationsOnly: false } });
      let text = "";
      for await (const chunk of format.write(articles, { labels, annotationsOnly: false, baseUrl: "http://slant.test" })) text += typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
      // A zipped format (brat) is checked for completing; the others for naming the label.
      if (format.contentType.includes("zip")) expect(text.length, name).toBeGreaterThan(0);
      else expect(text, name).toContain(name === "conll" ? `B-${label.key}` : label.key);
    }

    expect(await patch(admin, label.id, { retired: false })).toMatchObject({ retired: false });
    await expect(createAnnotation({ actor: analyst, articleId: article.id, input: { label: label.key, ...at("works") } })).resolves.toMatchObject({ label: label.key });
  });

  it("changing a label's fields never invalidates stored spans: removed fields and options stay readable, editable around and exported", async () => {
    const [admin, analyst] = [await makeUser("ADMIN"), await makeUser("ANALYST")];
    const label = await newLabel(admin, { attributes: [{ key: "technique", type: "choice", options: ["flag-waving", "whataboutism"] }, { key: "actor", type: "person" }] });
    const { article, at } = await articleWithWords(analyst);
    const span = await createAnnotation({ actor: analyst, articleId: article.id, input: { label: label.key, ...at("minister"), attributes: { technique: "flag-waving", actor: "The minister" } } });

    // The option is taken out, then the whole field.
    await patch(admin, label.id, { attributes: [{ key: "technique", type: "choice", options: ["whataboutism"] }, { key: "actor", type: "person" }] });
    await patch(admin, label.id, { attributes: [{ key: "actor", type: "person" }] });

    const [listed] = await listAnnotations({ actor: analyst, articleId: article.id, query: { annotator: "me" } });
    expect(listed!.attributes).toEqual({ technique: "flag-waving", actor: "The minister" });
    // The annotator sends every value back when one field changes: the stored one passes unchanged.
    const edited = await updateAnnotation({ actor: analyst, id: span.id, input: { version: span.version, attributes: { technique: "flag-waving", actor: "The prime minister" } } });
    expect(edited.attributes).toEqual({ technique: "flag-waving", actor: "The prime minister" });
    // A new value of a removed field is refused.
    await expect(updateAnnotation({ actor: analyst, id: span.id, input: { version: edited.version, attributes: { technique: "whataboutism" } } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createAnnotation({ actor: analyst, articleId: article.id, input: { label: label.key, ...at("plan"), attributes: { technique: "flag-waving" } } })).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const source = await db().article.findUniqueOrThrow({ where: { id: article.id }, select: { sourceId: true } });
    const spans = (await exported(analyst, source.sourceId)).flatMap((a) => a.annotations);
    expect(spans.find((s) => s.id === span.id)?.attributes).toEqual({ technique: "flag-waving", actor: "The prime minister" });
  });

  it("an import's unknown attribute is refused until an admin defines the field, then stored", async () => {
    const [admin, analyst] = [await makeUser("ADMIN"), await makeUser("ANALYST")];
    const label = await newLabel(admin);
    const { article, at } = await articleWithWords(analyst);
    const file = () => {
      const record = {
        id: article.id, title: "t", source: { id: randomUUID(), name: "n", slug: "n" }, byline: null, url: null, publishedAt: null, text: null, contentHash: "",
        annotations: [{ id: randomUUID(), ...at("minister"), label: label.key, prefix: "", suffix: "", note: null, attributes: { technique: "Name_Calling,Labeling" }, annotator: null, gold: false, createdAt: null, updatedAt: null }],
      };
      return { bytes: new TextEncoder().encode(JSON.stringify(record)), filename: "p.jsonl", kind: "annotations" as const, baseUrl: "http://slant.test" };
    };
    const before = await startImport({ actor: analyst, file: file() });
    await before.finished;
    expect((await getImportJob({ actor: analyst, id: before.id })).report.rejected).toEqual([expect.objectContaining({ reason: expect.stringMatching(/technique.*not a field/) })]);

    await patch(admin, label.id, { attributes: [{ key: "technique", type: "text" }] });
    const after = await startImport({ actor: analyst, file: file() });
    await after.finished;
    expect((await getImportJob({ actor: analyst, id: after.id })).report.created.annotations).toBe(1);
    const stored = await db().annotation.findFirstOrThrow({ where: { articleId: article.id, labelId: label.id } });
    expect(stored.attributes).toEqual({ technique: "Name_Calling,Labeling" });
  });
});

describe("the built-in labels' fields", () => {
  it("are seeded as the migration writes them, so an old database and a new one agree", async () => {
    const seeds = await loadSeeds();
    await seedLabels(db(), seeds.labels);
    const migration = readFileSync(new URL("../../prisma/migrations/20261126160000_label_attributes_retired/migration.sql", import.meta.url), "utf8");
    const update = /UPDATE "Label"[\s\S]*?;/.exec(migration)![0];
    // The migration's UPDATE, run on copies of the built-in rows as a database from before it held them.
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE "Label_before" ON COMMIT DROP AS SELECT key, '[]'::jsonb AS attributes FROM "Label" WHERE key IN ('claim', 'attribution', 'loaded_language', 'unverified')`);
      await tx.$executeRawUnsafe(update.replace('UPDATE "Label" l', 'UPDATE "Label_before" l'));
      const migrated = await tx.$queryRawUnsafe<{ key: string; attributes: unknown }[]>(`SELECT key, attributes FROM "Label_before"`);
      const seeded = await tx.label.findMany({ where: { key: { in: migrated.map((m) => m.key) } }, select: { key: true, attributes: true } });
      expect(migrated).toHaveLength(4);
      for (const row of migrated) expect(row.attributes, row.key).toEqual(seeded.find((s) => s.key === row.key)!.attributes);
    });
  });
});
