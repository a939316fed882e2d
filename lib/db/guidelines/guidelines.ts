import { authorize, type Actor } from "../../auth/policy";
import { AppError, notFound } from "../../errors";
import { guidelineDiff } from "../../guidelines/diff";
import type { SaveGuidelineInput } from "../../schemas/guidelines";
import type { GuidelineDiffView, GuidelineVersionSummary, GuidelineView } from "../../schemas/responses/guidelines";
import { recordAudit } from "../audit";
import { db } from "../client";

// The guideline: one Markdown document for the label set, kept as immutable
// numbered versions (docs/decisions/0022). Anyone signed in reads it (the
// annotator shows it); only admins save a new version.

const EMPTY: GuidelineView = { number: 0, markdown: "", author: null, createdAt: null, note: null };

const select = { number: true, markdown: true, note: true, createdAt: true, author: { select: { id: true, name: true } } } as const;

function view(row: { number: number; markdown: string; note: string | null; createdAt: Date; author: { id: string; name: string } }): GuidelineView {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** The latest version (number 0 and no text before the first save), or version `version` (404 when there is none). */
export async function getGuideline(args: { version?: number | undefined } = {}): Promise<GuidelineView> {
  if (args.version !== undefined) {
    const row = await db().guidelineVersion.findUnique({ where: { number: args.version }, select });
    if (!row) throw notFound(`Guideline version ${args.version}`);
    return view(row);
  }
  const row = await db().guidelineVersion.findFirst({ orderBy: { number: "desc" }, select });
  return row ? view(row) : EMPTY;
}

/** Newest first. */
export async function listGuidelineVersions(): Promise<GuidelineVersionSummary[]> {
  const rows = await db().guidelineVersion.findMany({ orderBy: { number: "desc" }, select: { number: true, note: true, createdAt: true, author: { select: { id: true, name: true } } } });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** The number of the latest version, 0 before the first: what a new span records (as SQL does in createAnnotation). */
export async function currentGuidelineVersion(): Promise<number> {
  const latest = await db().guidelineVersion.aggregate({ _max: { number: true } });
  return latest._max.number ?? 0;
}

const editedSince = (baseVersion: number, latest: number) =>
  new AppError(
    "CONFLICT",
    `The guideline changed since you opened it: you edited version ${baseVersion}, the latest is ${latest}. Reload it, then make your change again.`,
    { baseVersion, latest },
  );

/**
 * Saves a new version on top of `baseVersion`, which must be the latest:
 * otherwise 409, so that two admins editing at once never overwrite each
 * other. Two saves of the same base that pass the check together both insert
 * number baseVersion + 1; the primary key lets one through and the other gets
 * the same 409.
 */
export async function saveGuideline(args: { actor: Actor; input: SaveGuidelineInput }): Promise<GuidelineView> {
  const { actor, input } = args;
  authorize(actor, "guideline:write");
  try {
    return await db().$transaction(async (tx) => {
      const latest = (await tx.guidelineVersion.aggregate({ _max: { number: true } }))._max.number ?? 0;
      if (latest !== input.baseVersion) throw editedSince(input.baseVersion, latest);
      const row = await tx.guidelineVersion.create({
        data: { number: input.baseVersion + 1, markdown: input.markdown, note: input.note || null, authorId: actor.id },
        select,
      });
      const saved = view(row);
      // The text itself is the version row (immutable); the audit event says who saved which number.
      await recordAudit(tx, {
        actorId: actor.id,
        action: "guideline.update",
        entityType: "Guideline",
        entityId: String(saved.number),
        before: { number: latest },
        after: { number: saved.number, note: saved.note, characters: saved.markdown.length },
      });
      return saved;
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") throw editedSince(input.baseVersion, input.baseVersion + 1);
    throw error;
  }
}

/** The line diff from version `from` to version `to` (either order). */
export async function diffGuidelineVersions(args: { from: number; to: number }): Promise<GuidelineDiffView> {
  const [from, to] = await Promise.all([getGuideline({ version: args.from }), getGuideline({ version: args.to })]);
  return { from: from.number, to: to.number, ...guidelineDiff(from.markdown, to.markdown) };
}
