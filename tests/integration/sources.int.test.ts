import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { CORPUS_LAYER } from "../../lib/aggregates/layers";
import { foldRollups } from "../../lib/db/figures/rollups";
import { db } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { createSource, findOrCreateSourceByName, listNearDuplicateSources, mergeSources, updateSource } from "../../lib/db/articles/sources";
import { freshDatabase } from "../support/fresh-database";
import { makeArticle, makeUser, unique } from "../support/factories";

const corpusArticles = async (sourceId: string) => {
  await foldRollups(100_000);
  const rows = await db().$queryRaw<{ articles: number }[]>`
    SELECT COALESCE(sum(articles), 0)::int AS articles FROM "SourceCoverageRollup"
    WHERE "sourceId" = ${sourceId}::uuid AND layer = ${CORPUS_LAYER}::uuid AND month = 'infinity'`;
  return rows[0]?.articles ?? 0;
};

describe("sources do not fork by spelling", () => {
  it("case, whitespace and punctuation name one source, on every path that turns a name into a source", async () => {
    const base = unique("fox");
    const admin = await makeUser("ADMIN");
    const a = await makeArticle(admin, { source: base });
    const b = await makeArticle(admin, { source: ` ${base.toUpperCase()}. ` });
    const c = await makeArticle(admin, { source: base.replace("-", " – ") + "!" });
    expect(new Set([a.source.id, b.source.id, c.source.id]).size).toBe(1);
    expect((await findOrCreateSourceByName(`"${base.toUpperCase()}"`)).id).toBe(a.source.id);
    await expect(createSource({ actor: admin, input: { name: base.toUpperCase() } })).rejects.toMatchObject({ code: "CONFLICT", details: { existing: { id: a.source.id } } });
  });

  it("a rename onto another source's spelling is refused; onto its own is fine", async () => {
    const admin = await makeUser("ADMIN");
    const [one, two] = [await createSource({ actor: admin, input: { name: unique("One") } }), await createSource({ actor: admin, input: { name: unique("Two") } })];
    await expect(updateSource({ actor: admin, id: two.id, input: { name: one.name.toLowerCase() } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await updateSource({ actor: admin, id: one.id, input: { name: one.name.toUpperCase() } })).name).toBe(one.name.toUpperCase());
  });

  it("near-duplicates are flagged when created and listed", async () => {
    const admin = await makeUser("ADMIN");
    const name = `Associated Press ${unique("x")}`;
    const first = await createSource({ actor: admin, input: { name } });
    const typo = await createSource({ actor: admin, input: { name: name.replace("Associated", "Asociated") } });
    expect(typo.nearDuplicates).toEqual([{ id: first.id, name }]);
    expect(await listNearDuplicateSources()).toContainEqual([
      { id: typo.id, name: typo.name },
      { id: first.id, name },
    ]);
  });

  it("merging moves articles and figures, keeps the target's fields, and is audited under both ids", async () => {
    const admin = await makeUser("ADMIN");
    const into = await createSource({ actor: admin, input: { name: unique("Into") } });
    const from = await createSource({ actor: admin, input: { name: unique("From"), homepage: "https://from.example/", description: "from's" } });
    await makeArticle(admin, { source: into.name, publishedAt: "2024-01-02" });
    await makeArticle(admin, { source: from.name, publishedAt: "2024-02-03" });
    await makeArticle(admin, { source: from.name });
    expect([await corpusArticles(into.id), await corpusArticles(from.id)]).toEqual([1, 2]);

    const merged = await mergeSources({ actor: admin, id: from.id, intoId: into.id });
    expect(merged).toMatchObject({ id: into.id, name: into.name, homepage: "https://from.example/", description: "from's", movedArticles: 2 });
    expect(await db().source.findUnique({ where: { id: from.id } })).toBeNull();
    expect(await db().article.count({ where: { sourceId: into.id } })).toBe(3);
    expect([await corpusArticles(into.id), await corpusArticles(from.id)]).toEqual([3, 0]);
    const audit = await db().auditEvent.findMany({ where: { entityId: { in: [from.id, into.id] }, action: { startsWith: "source.merge" } }, select: { action: true, entityId: true } });
    expect(audit).toEqual(expect.arrayContaining([{ action: "source.merge", entityId: into.id }, { action: "source.merged_into", entityId: from.id }]));
    await expect(mergeSources({ actor: admin, id: into.id, intoId: into.id })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(mergeSources({ actor: admin, id: from.id, intoId: into.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the migration that adds source keys", () => {
  it("merges sources that had already forked by spelling into the oldest", async () => {
    const database = await freshDatabase({ migrated: false });
    const dir = await mkdtemp(path.join(tmpdir(), "slant-migrations-"));
    try {
      await cp("prisma/migrations", dir, { recursive: true });
      // Everything before this migration, then rows that forked, then this migration and the later ones
      // (the runner refuses a migration older than one already applied).
      const mine = (await readdir(dir)).filter((n) => /^\d{14}_/.test(n) && n >= "20261126070000");
      const held = await mkdtemp(path.join(tmpdir(), "slant-held-"));
      for (const name of mine) await cp(path.join(dir, name), path.join(held, name), { recursive: true }).then(() => rm(path.join(dir, name), { recursive: true }));
      await migrate(database.url, { dir });

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const insert = async (name: string, slug: string, age: string) =>
          (await client.query<{ id: string }>(`INSERT INTO "Source" (name, slug, "createdAt", "updatedAt") VALUES ($1, $2, now() - $3::interval, now()) RETURNING id`, [name, slug, age])).rows[0]!.id;
        const oldest = await insert("fox", "fox", "3 days");
        const others = [await insert("FOX", "fox-2", "2 days"), await insert("Fox.", "fox-3", "1 day")];
        const elsewhere = await insert("Reuters", "reuters", "1 day");
        for (const [i, sourceId] of [oldest, ...others, elsewhere].entries()) {
          await client.query(`INSERT INTO "Article" ("sourceId", title, body, "contentHash", "wordCount", "updatedAt") VALUES ($1, 't', $2, md5($2), 1, now())`, [sourceId, `body ${i}`]);
        }
        await cp(held, dir, { recursive: true });
        await migrate(database.url, { dir });
        const { rows } = await client.query<{ id: string; name: string; articles: number }>(
          `SELECT s.id, s.name, count(a.id)::int AS articles FROM "Source" s LEFT JOIN "Article" a ON a."sourceId" = s.id GROUP BY s.id ORDER BY lower(s.name)`,
        );
        expect(rows).toEqual([
          { id: oldest, name: "fox", articles: 3 },
          { id: elsewhere, name: "Reuters", articles: 1 },
        ]);
        await expect(client.query(`INSERT INTO "Source" (name, slug, "updatedAt") VALUES ('F O X', 'fox-4', now())`)).rejects.toThrow(/Source_nameKey_key/);
      } finally {
        await client.end();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      await database.dispose();
    }
  });
});
