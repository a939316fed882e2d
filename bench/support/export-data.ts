// Synthetic data for bench/export.ts, generated inside Postgres (INSERT …
// SELECT generate_series) so that a million annotations take seconds, not
// minutes of client round trips. Bodies are ASCII, so character offsets are
// code point offsets and every quote matches its text.
import type { Db } from "../../lib/db/client";

export const ANNOTATORS = 10;

export async function generateExportData(client: Db, articles: number, perArticle: number): Promise<void> {
  // The per-row rollup triggers would make generation take minutes; this throwaway
  // database's rollups are never read by an export, so they are left stale.
  await client.$executeRaw`ALTER TABLE "Article" DISABLE TRIGGER USER`;
  await client.$executeRaw`ALTER TABLE "Annotation" DISABLE TRIGGER USER`;
  await client.$executeRaw`
    INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
    SELECT gen_random_uuid(), 'bench' || n || '@example.org', 'Bench Annotator ' || n, 'x', 'ANALYST', now() FROM generate_series(1, ${ANNOTATORS}::int) n`;
  await client.$executeRaw`INSERT INTO "Source" (id, name, slug, "updatedAt") VALUES (gen_random_uuid(), 'Bench Source', 'bench-source', now())`;
  await client.$executeRaw`
    INSERT INTO "Article" (id, "sourceId", title, "publishedAt", body, "contentHash", "wordCount", "updatedAt")
    SELECT gen_random_uuid(), (SELECT id FROM "Source" WHERE slug = 'bench-source'), 'Bench article ' || n, DATE '2020-01-01' + (n % 1000),
      'Article ' || lpad(n::text, 8, '0') || ' ' || repeat('lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 40),
      md5(n::text) || md5('bench' || n), 300, now()
    FROM generate_series(1, ${articles}::int) n`;
  // k-th annotation of an article: 8 characters at 17 + 20k, by annotator k mod ANNOTATORS.
  await client.$executeRaw`
    WITH users AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS i FROM "User" WHERE email LIKE 'bench%'),
         labels AS (SELECT id, row_number() OVER (ORDER BY key) - 1 AS i, count(*) OVER () AS n FROM "Label")
    INSERT INTO "Annotation" (id, "articleId", "annotatorId", "labelId", start, "end", quote, prefix, suffix, attributes, "updatedAt")
    SELECT gen_random_uuid(), a.id, u.id, l.id, 17 + 20 * k, 25 + 20 * k,
      substr(a.body, 18 + 20 * k, 8), substr(a.body, greatest(1, 18 + 20 * k - 32), least(32, 17 + 20 * k)), substr(a.body, 26 + 20 * k, 32), '{}', now()
    FROM "Article" a CROSS JOIN generate_series(0, ${perArticle - 1}::int) k
    JOIN users u ON u.i = k % ${ANNOTATORS}::int
    JOIN labels l ON l.i = k % l.n`;
  await client.$executeRaw`ALTER TABLE "Article" ENABLE TRIGGER USER`;
  await client.$executeRaw`ALTER TABLE "Annotation" ENABLE TRIGGER USER`;
  await client.$executeRaw`ANALYZE`;
}

/** The rows the CSV export writes, for the COPY baseline. */
export const BASELINE_QUERY = `
  SELECT a.id, a.title, s.id, s.name, s.slug, a.byline, a.url, a."publishedAt", a."contentHash", an.id, l.key, an.start, an."end",
    an.quote, an.prefix, an.suffix, an.note, an.attributes, u.id, u.name, false, an."createdAt", an."updatedAt"
  FROM "Annotation" an JOIN "Article" a ON a.id = an."articleId" JOIN "Source" s ON s.id = a."sourceId"
  JOIN "Label" l ON l.id = an."labelId" JOIN "User" u ON u.id = an."annotatorId"
  WHERE an."deletedAt" IS NULL ORDER BY a.id`;

/** Slant JSONL for the import benchmark: `articles` articles with `perArticle` annotations each, built in memory. */
export function importJsonl(articles: number, perArticle: number, labels: string[]): string {
  const lines: string[] = [];
  for (let n = 0; n < articles; n++) {
    const text = `Import ${String(n).padStart(8, "0")} ${"the quick brown fox jumps over the lazy dog. ".repeat(12)}`.trim();
    const annotations = Array.from({ length: perArticle }, (_, k) => {
      const start = 16 + 45 * k;
      return {
        id: `bench-${n}-${k}`, start, end: start + 9, label: labels[k % labels.length]!, quote: text.slice(start, start + 9),
        prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + 9, start + 41), note: null, attributes: {},
        annotator: { id: "elsewhere", name: "Elsewhere" }, gold: false, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z",
      };
    });
    const source = { id: "bench", name: "Bench Import", slug: "bench-import" };
    lines.push(JSON.stringify({ id: `import-${n}`, title: `Imported ${n}`, source, byline: null, url: null, publishedAt: null, text, contentHash: "", annotations }));
  }
  return `${lines.join("\n")}\n`;
}
