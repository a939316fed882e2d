// Who an imported span belongs to. An annotator named in a file is matched to
// a Slant account by email, else by id (a file from this instance or a copy
// of it), else to the inactive account an earlier import made for them; only
// then is a new inactive "imported annotator" account made (keeping the
// file's id when it is a free UUID, so export → import → export on a fresh
// instance gives the same file). Analysts import only in their own name.
// New accounts are created in the row's transaction (see import-write.ts), so
// a rejected row creates no one.
import { randomUUID } from "node:crypto";
import { can } from "../../auth/policy";
import type { AnnotatorHow } from "../../datasets/import-report";
import type { ImportedAnnotator } from "../../datasets/import-records";
import type { Prisma } from "../generated/client";
import { isUuid, type ImportContext } from "./context";

export type ResolvedAnnotator = {
  /** The file's key for them ("" when the file names no one). */
  key: string;
  name: string;
  userId: string;
  userName: string;
  how: AnnotatorHow;
  /** Set until the account has been committed. */
  pending: Prisma.UserCreateManyInput | null;
};

const NAME_MAX = 200;
/** Imported accounts never sign in: they are deactivated, and no password verifies against this. */
const NO_PASSWORD = "!imported";
/** An imported account whose email is unknown (or taken) gets `imported-<id>` at this domain, which names nobody. */
export const IMPORTED_EMAIL_DOMAIN = "@imported.invalid";

function you(ctx: ImportContext, key: string, name: string, how: AnnotatorHow): ResolvedAnnotator {
  return { key, name, userId: ctx.actor.id, userName: ctx.actor.name, how, pending: null };
}

async function lookUp(ctx: ImportContext, a: ImportedAnnotator): Promise<ResolvedAnnotator> {
  const { client, actor } = ctx;
  const select = { id: true, name: true } as const;
  const found = (user: { id: string; name: string } | null, how: AnnotatorHow): ResolvedAnnotator | null =>
    user ? { key: a.key, name: a.name, userId: user.id, userName: user.name, how, pending: null } : null;
  if (a.key === actor.id || (a.email && a.email === actor.email.toLowerCase())) return you(ctx, a.key, a.name, "you");
  const match =
    (a.email ? found(await client.user.findUnique({ where: { email: a.email }, select }), "email") : null) ??
    (isUuid(a.key) ? found(await client.user.findUnique({ where: { id: a.key }, select }), "id") : null) ??
    found(await client.user.findUnique({ where: { importKey: a.key }, select }), "earlier import");
  if (match) return match;
  const id = isUuid(a.key) ? a.key.toLowerCase() : randomUUID();
  const emailFree = a.email !== null && (await client.user.count({ where: { email: a.email } })) === 0;
  const name = (a.name.trim() || a.key).slice(0, NAME_MAX);
  return {
    key: a.key,
    name: a.name,
    userId: id,
    userName: name,
    how: "new imported annotator",
    pending: { id, email: emailFree ? a.email! : `imported-${id}${IMPORTED_EMAIL_DOMAIN}`, name, passwordHash: NO_PASSWORD, role: "ANALYST", deactivatedAt: new Date(), importKey: a.key },
  };
}

export async function resolveAnnotator(ctx: ImportContext, annotator: ImportedAnnotator | null): Promise<ResolvedAnnotator> {
  if (!annotator) return you(ctx, "", "", "you");
  if (!can(ctx.actor, "import:in-others-names")) {
    const self = annotator.key === ctx.actor.id || annotator.email === ctx.actor.email.toLowerCase();
    return you(ctx, annotator.key, annotator.name, self ? "you" : "you (analysts import in their own name)");
  }
  const cached = ctx.annotators.get(annotator.key);
  if (cached) return cached;
  const resolved = await lookUp(ctx, annotator);
  ctx.annotators.set(annotator.key, resolved);
  return resolved;
}
