import { slugify } from "../text/article-text";
import { db, type Db } from "./client";

export type SourceSummary = { id: string; name: string; slug: string; homepage: string | null; articleCount: number };

export async function listSources(client: Db = db()): Promise<SourceSummary[]> {
  const sources = await client.source.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, homepage: true, _count: { select: { articles: true } } },
  });
  return sources.map(({ _count, ...s }) => ({ ...s, articleCount: _count.articles }));
}

/** The source with this name, created on first use (slug made unique by suffixing). */
export async function findOrCreateSourceByName(name: string, client: Db = db()) {
  const existing = await client.source.findUnique({ where: { name } });
  if (existing) return existing;
  const base = slugify(name);
  const taken = await client.source.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const used = new Set(taken.map((s) => s.slug));
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  return client.source.upsert({ where: { name }, create: { name, slug }, update: {} });
}
