import { authorize, type Actor } from "../../auth/policy";
import { AppError, notFound } from "../../errors";
import type { CreateSourceInput, UpdateSourceInput } from "../../schemas/sources";
import { slugify } from "../../text/article-text";
import { nearDuplicatePairs, nearDuplicatesOf, type KeyedSource } from "../../text/near-duplicates";
import { recordAudit } from "../audit";
import { db, type Db } from "../client";
import type { Prisma } from "../generated/client";

export type SourceSummary = { id: string; name: string; slug: string; homepage: string | null; articleCount: number };
export type SourceView = { id: string; name: string; slug: string; homepage: string | null; description: string | null };
/** A row of the sources admin: every editable field and how many articles the source has. */
export type SourceAdminRow = SourceView & { domain: string | null; articleCount: number };
export type SourceRef = { id: string; name: string };

const viewFields = { id: true, name: true, slug: true, homepage: true, description: true } as const;

export async function listSources(client: Db = db()): Promise<SourceSummary[]> {
  const sources = await client.source.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, homepage: true, _count: { select: { articles: true } } },
  });
  return sources.map(({ _count, ...s }) => ({ ...s, articleCount: _count.articles }));
}

async function keyedSources(client: Pick<Db, "source"> = db()): Promise<KeyedSource[]> {
  const rows = await client.source.findMany({ select: { id: true, name: true, nameKey: true } });
  return rows.map((r) => ({ id: r.id, name: r.name, nameKey: r.nameKey ?? r.name }));
}

const ref = (s: KeyedSource): SourceRef => ({ id: s.id, name: s.name });

/** Pairs of sources whose names differ by a typo or two (after case, whitespace and punctuation): candidates for a merge. */
export async function listNearDuplicateSources(client: Db = db()): Promise<[SourceRef, SourceRef][]> {
  return nearDuplicatePairs(await keyedSources(client)).map(([a, b]) => [ref(a), ref(b)]);
}

/**
 * The source a name means: names match ignoring case, whitespace and
 * punctuation ("fox", "FOX", "Fox." are one source), through the stored key
 * the database computes with slant_source_key. Every path that turns a name
 * into a source (API, article create, imports) goes through here.
 */
export async function findSourceByName(name: string, client: Pick<Db, "$queryRaw"> = db()): Promise<{ id: string; name: string; slug: string } | null> {
  const [found] = await client.$queryRaw<{ id: string; name: string; slug: string }[]>`
    SELECT id::text, name, slug FROM "Source" WHERE "nameKey" = slant_source_key(${name})`;
  return found ?? null;
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
    const existing = await findSourceByName(name, client);
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

/**
 * A name taken in any spelling is a 409 naming the source that has it;
 * `nearDuplicates` lists sources whose names differ by a typo, for the person
 * to check.
 */
export async function createSource(args: { actor: Actor; input: CreateSourceInput }): Promise<SourceView & { nearDuplicates: SourceRef[] }> {
  const { name, homepage, description } = args.input;
  const taken = await findSourceByName(name);
  if (taken) throw sameName(taken);
  const created = await db().$transaction(async (tx) => {
    const source = await tx.source.create({
      data: { name, slug: await uniqueSlug(tx, name), homepage: homepage ?? null, description: description || null },
      select: viewFields,
    });
    await recordAudit(tx, { actorId: args.actor.id, action: "source.create", entityType: "Source", entityId: source.id, after: source });
    return source;
  });
  const all = await keyedSources();
  const key = all.find((s) => s.id === created.id)?.nameKey ?? name;
  return { ...created, nearDuplicates: nearDuplicatesOf(key, all).map(ref) };
}

const sameName = (existing: { id: string; name: string }) =>
  new AppError("CONFLICT", `A source with this name already exists: "${existing.name}" (names match ignoring case, spaces and punctuation).`, {
    existing: { id: existing.id, name: existing.name },
  });

/** Every source with its editable fields and article count, by name (the sources admin). */
export async function listSourcesForAdmin(args: { actor: Actor }): Promise<SourceAdminRow[]> {
  authorize(args.actor, "source:update");
  const sources = await db().source.findMany({ orderBy: { name: "asc" }, select: { ...viewFields, domain: true, _count: { select: { articles: true } } } });
  return sources.map(({ _count, ...s }) => ({ ...s, articleCount: _count.articles }));
}

/** The slug stays as it was: links to the source keep working after a rename. Admins only. */
export async function updateSource(args: { actor: Actor; id: string; input: UpdateSourceInput }): Promise<SourceView> {
  authorize(args.actor, "source:update");
  return db().$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { id: args.id }, select: { ...viewFields, domain: true } });
    if (!before) throw notFound("Source");
    const { name, homepage, description, domain } = args.input;
    const taken = name === undefined ? null : await findSourceByName(name, tx);
    if (taken && taken.id !== args.id) throw sameName(taken);
    const source = await tx.source.update({
      where: { id: args.id },
      data: {
        ...(name !== undefined ? { name } : {}),
        ...(homepage !== undefined ? { homepage } : {}),
        ...(description !== undefined ? { description: description || null } : {}),
        ...(domain !== undefined ? { domain } : {}),
      },
      select: { ...viewFields, domain: true },
    });
    await recordAudit(tx, { actorId: args.actor.id, action: "source.update", entityType: "Source", entityId: source.id, before, after: source });
    return source;
  });
}

/**
 * Deletes a source that has no articles (admins): one with articles is a 409
 * that says how many and points to merging instead, so no article, span or
 * figure is ever lost with its source. Audited with the deleted row.
 */
export async function deleteSource(args: { actor: Actor; id: string }): Promise<void> {
  authorize(args.actor, "source:delete");
  await db().$transaction(async (tx) => {
    // Locked first: an article added to the source meanwhile waits, and is then refused by the foreign key.
    await tx.$queryRaw`SELECT id FROM "Source" WHERE id = ${args.id}::uuid FOR UPDATE`;
    const source = await tx.source.findUnique({ where: { id: args.id }, select: { ...viewFields, domain: true, _count: { select: { articles: true } } } });
    if (!source) throw notFound("Source");
    const { _count, ...before } = source;
    if (_count.articles > 0) {
      throw new AppError(
        "CONFLICT",
        `"${source.name}" has ${_count.articles} article${_count.articles === 1 ? "" : "s"} and cannot be deleted; merge it into another source to move them.`,
        { articleCount: _count.articles },
      );
    }
    await tx.source.delete({ where: { id: args.id } });
    await recordAudit(tx, { actorId: args.actor.id, action: "source.delete", entityType: "Source", entityId: args.id, before });
  });
}

/**
 * Merges one source into another (admin only, checked by the route): its
 * articles, and with them their spans, gold and figures, move to `intoId`;
 * blank fields of the target take the merged source's values; the merged
 * source is deleted. The figures are rebuilt in the same transaction, and the
 * merge is audited under both ids, so the old id's history says where it went.
 */
export async function mergeSources(args: { actor: Actor; id: string; intoId: string }): Promise<SourceView & { movedArticles: number }> {
  if (args.id === args.intoId) throw new AppError("INVALID_INPUT", "A source cannot be merged into itself.", { fieldErrors: { intoId: ["must be another source"] } });
  return db().$transaction(
    async (tx) => {
      // Both rows locked in id order: two merges of the same pair cannot interleave.
      await tx.$queryRaw`SELECT id FROM "Source" WHERE id IN (${args.id}::uuid, ${args.intoId}::uuid) ORDER BY id FOR UPDATE`;
      const fields = { ...viewFields, domain: true } as const;
      const [from, into] = await Promise.all([
        tx.source.findUnique({ where: { id: args.id }, select: fields }),
        tx.source.findUnique({ where: { id: args.intoId }, select: fields }),
      ]);
      if (!from) throw notFound("Source");
      if (!into) throw new AppError("NOT_FOUND", "The source to merge into was not found.", { fieldErrors: { intoId: ["no such source"] } });
      const moved = await tx.article.updateMany({ where: { sourceId: from.id }, data: { sourceId: into.id } });
      await tx.source.delete({ where: { id: from.id } });
      const merged = await tx.source.update({
        where: { id: into.id },
        data: { homepage: into.homepage ?? from.homepage, description: into.description ?? from.description, domain: into.domain ?? from.domain },
        select: viewFields,
      });
      await tx.$queryRaw`SELECT slant_rebuild_source_rollups()::text`;
      const record = { merged: { id: from.id, name: from.name, slug: from.slug }, into: { id: into.id, name: into.name }, movedArticles: moved.count };
      await recordAudit(tx, { actorId: args.actor.id, action: "source.merge", entityType: "Source", entityId: into.id, before: into, after: { ...merged, ...record } });
      await recordAudit(tx, { actorId: args.actor.id, action: "source.merged_into", entityType: "Source", entityId: from.id, before: from, after: record });
      return { ...merged, movedArticles: moved.count };
    },
    { timeout: 120_000 },
  );
}
