// State shared by every record of one import: the report, and small caches
// (labels, users, sources) so a 100,000-row file does not look the same user
// up 100,000 times.
import { randomUUID } from "node:crypto";
import { hasRole, type Actor } from "../auth/permissions";
import type { ImportReport } from "../datasets/import-report";
import { slugify } from "../text/article-text";
import type { Db } from "./client";
import { findOrCreateSourceByName, findSourceByName } from "./sources";

export type ImportContext = {
  client: Db;
  actor: Actor;
  report: ImportReport;
  labels: Map<string, string>;
  users: Map<string, boolean>;
  sources: Map<string, string>;
  /** Annotation ids already used in this file: a repeat is a duplicate, not a crash. */
  seenAnnotationIds: Set<string>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | null | undefined): value is string => typeof value === "string" && UUID.test(value);

export async function importContext(client: Db, actor: Actor, report: ImportReport): Promise<ImportContext> {
  const labels = await client.label.findMany({ select: { id: true, key: true } });
  return { client, actor, report, labels: new Map(labels.map((l) => [l.key, l.id])), users: new Map(), sources: new Map(), seenAnnotationIds: new Set() };
}

/**
 * The file's annotator when that id is an existing user, else the importing
 * user. Analysts may only import in their own name: attributing work to a
 * colleague is a reviewer's (or admin's) call.
 */
export async function annotatorId(ctx: ImportContext, annotator: { id: string } | null): Promise<string> {
  const id = annotator?.id;
  if (!isUuid(id) || id === ctx.actor.id || !hasRole(ctx.actor, "REVIEWER")) return ctx.actor.id;
  let exists = ctx.users.get(id);
  if (exists === undefined) {
    exists = (await ctx.client.user.count({ where: { id } })) > 0;
    ctx.users.set(id, exists);
  }
  return exists ? id : ctx.actor.id;
}

/** The source named in the file; a new one keeps the file's id and slug when they are free, so re-exports match. */
export async function sourceIdFor(ctx: ImportContext, source: { name: string; id: string | null; slug: string | null }): Promise<string> {
  const cached = ctx.sources.get(source.name);
  if (cached) return cached;
  const { client } = ctx;
  let id = (await findSourceByName(source.name, client))?.id;
  if (!id && source.slug && slugify(source.slug) === source.slug) {
    const idFree = isUuid(source.id) && (await client.source.count({ where: { id: source.id } })) === 0;
    const slugFree = (await client.source.count({ where: { slug: source.slug } })) === 0;
    if (slugFree) {
      const created = await client.source.upsert({ where: { name: source.name }, create: { id: idFree ? source.id! : randomUUID(), name: source.name, slug: source.slug }, update: {} });
      id = created.id;
    }
  }
  id ??= (await findOrCreateSourceByName(source.name, client)).id;
  ctx.sources.set(source.name, id);
  return id;
}
