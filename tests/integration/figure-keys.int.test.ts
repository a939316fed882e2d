import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { normalizeExpression, spanKeys } from "../../lib/aggregates/normalize";
import { migrate } from "../../lib/db/migrate";
import { freshDatabase } from "../support/fresh-database";

// The figure keys are computed once, in TypeScript (lib/aggregates/normalize.ts),
// and SQL only groups by the stored columns. On a database whose collation is
// C, PostgreSQL's own lower('RÉGIME') is 'rÉgime': grouped in SQL, "RÉGIME"
// and "régime" were two expressions. Here both the key step of the migration
// runner (spans written before the keys existed) and a writer's stored keys
// group them as one, as JavaScript does.

const FIRST_WITH_KEYS = "20261126120000";

describe("figure keys on a C-collated database", () => {
  it("groups 'RÉGIME' and 'régime' as one expression, keyed by the runner and by writers alike", async () => {
    // On the server: LC_COLLATE and LC_CTYPE 'C'. Embedded: a fresh one (PGlite has its own locale).
    const database = await freshDatabase({ migrated: false, collation: "C" });
    const dir = await mkdtemp(path.join(tmpdir(), "slant-migrations-"));
    const client = new pg.Client({ connectionString: database.url });
    try {
      // The database before span keys existed, with two spans written then.
      await cp("prisma/migrations", dir, { recursive: true });
      for (const name of await readdir(dir)) if (/^\d/.test(name) && name >= FIRST_WITH_KEYS) await rm(path.join(dir, name), { recursive: true });
      await migrate(database.url, { dir });
      await client.connect();
      const one = async (sql: string, params: unknown[] = []) => (await client.query<Record<string, string>>(sql, params)).rows[0]!;
      const user = await one(`INSERT INTO "User" (email, name, "passwordHash", "updatedAt") VALUES ('c@x.example', 'C', 'x', now()) RETURNING id`);
      const label = await one(`INSERT INTO "Label" (key, name, color, "updatedAt") VALUES ('loaded_language', 'Loaded', '#000000', now()) RETURNING id`);
      const source = await one(`INSERT INTO "Source" (name, slug, "updatedAt") VALUES ('S', 's', now()) RETURNING id`);
      const body = "RÉGIME and régime and Régime";
      const article = await one(`INSERT INTO "Article" ("sourceId", title, body, "contentHash", "wordCount", "publishedAt", "updatedAt") VALUES ($1, 'T', $2, md5($2), 5, '2024-01-10', now()) RETURNING id`, [source.id, body]);
      const insert = (quote: string, start: number, keys = "") =>
        client.query(
          `INSERT INTO "Annotation" ("articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, "updatedAt"${keys ? `, "attributionKind", "quoteKey", "speakerKey", "speakerName"` : ""})
           VALUES ($1, $2, $3, $4, $5, $6, '', '', now()${keys ? ", $7, $8, $9, $10" : ""})`,
          [article.id, user.id, label.id, start, start + 6, quote, ...(keys ? Object.values(spanKeys({ quote, attributes: {} })) : [])],
        );
      await insert("RÉGIME", 0);
      await insert("régime", 11);

      const result = await migrate(database.url, { repeatableDir: path.resolve("prisma/sql") });
      expect(result.keyed).toBe(2);
      if (database.kind === "postgres") expect((await one(`SELECT lower('RÉGIME') AS l`)).l).toBe("rÉgime"); // why SQL must not normalize
      const expressions = async () => {
        await client.query(`SELECT slant_fold_rollups()`);
        return (await client.query(`SELECT expression, spans, articles FROM "SourceExpressionRollup" WHERE month = 'infinity' AND layer = $1`, [user.id])).rows;
      };
      expect(await expressions()).toEqual([{ expression: "régime", spans: 2, articles: 1 }]);

      // A writer stores the keys it computed with the same function.
      await insert("Régime", 22, "keys");
      expect(await expressions()).toEqual([{ expression: normalizeExpression("RÉGIME"), spans: 3, articles: 1 }]);
      // Nothing left to key: the next start-up keys nothing and rebuilds nothing.
      expect(await migrate(database.url, { repeatableDir: path.resolve("prisma/sql") })).toMatchObject({ keyed: 0, repeated: [] });
    } finally {
      await client.end().catch(() => {});
      await database.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  }, 600_000); // two migration runs: minutes on the embedded database of a busy machine
});
