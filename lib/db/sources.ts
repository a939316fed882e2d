import type { Actor } from "../auth/permissions";
import { notFound } from "../errors";
import type { CreateSourceInput, UpdateSourceInput } from "../schemas/sources";
import { slugify } from "../text/article-text";
import { recordAudit } from "./audit";
import { db, type Db } from "./client";
import type { Prisma } from "./generated/client";

export type SourceSummary = { id: string; name: string; slug: string; homepage: string | null; articleCount: number };
export type SourceView = { id: string; name: string; slug: string; homepage: string | null; description: string | null };

const viewFields = { id: true, name: true, slug: true, homepage: true, description: true } as const;

export async function listSources(client: Db = db()): Promise<SourceSummary[]> {
  const sources = await client.source.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, homepage: true, _count: { select: { articles: true } } },
  });
  return sources.map(({ _count, ...s }) => ({ ...s, articleCount: _count.articles }));
}

async function uniqueSlug(client: Pick<Prisma.TransactionClient, "source">, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await client.source.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const used = new Set(taken.map((s) => s.slug));
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * The source with this name, created on first use (slug made unique by
 * suffixing). Two requests creating the same new source at once both get it:
 * the one that loses the race on the name (or on the slug) looks again.
 */
export async function findOrCreateSourceByName(name: string, client: Db = db()) {
  for (let attempt = 0; ; attempt++) {
    const existing = await client.source.findUnique({ where: { name } });
    if (existing) return existing;
    try {
      return await client.source.create({ data: { name, slug: await uniqueSlug(client, name) } });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "P2002" || attempt >= 3) throw error;
    }
  }
}

export async function getSource(args: { actor: Actor; id: string }): Promise<SourceView | null> {
  return db().source.findUnique({ where: { id: args.id }, select: viewFields });
}

/** A taken name is a 409 (the unique index, mapped by the route wrapper). */
export async function createSource(args: { actor: Actor; input: CreateSourceInput }): Promise<SourceView> {
  const { name, homepage, description } = args.input;
  return db().$transaction(async (tx) => {
    const source = await tx.source.create({
      data: { name, slug: await uniqueSlug(tx, name), homepage: homepage ?? null, description: description || null },
      select: viewFields,
    });
    await recordAudit(tx, { actorId: args.actor.id, action: "source.create", entityType: "Source", entityId: source.id, after: source });
    return source;
  });
}

/** The slug stays as it was: links to the source keep working after a rename. */
export async function updateSource(args: { actor: Actor; id: string; input: UpdateSourceInput }): Promise<SourceView> {
  return db().$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { id: args.id }, select: viewFields });
    if (!before) throw notFound("Source");
    const { name, homepage, description } = args.input;
    const source = await tx.source.update({
      where: { id: args.id },
      data: {
        ...(name !== undefined ? { name } : {}),
        ...(homepage !== undefined ? { homepage } : {}),
        ...(description !== undefined ? { description: description || null } : {}),
      },
      select: viewFields,
    });
    await recordAudit(tx, { actorId: args.actor.id, action: "source.update", entityType: "Source", entityId: source.id, before, after: source });
    return source;
  });
}
