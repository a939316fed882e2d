// Checks and lookups shared by creating and editing a campaign: the pool, the balancing field,
// the labels, the guideline version and the articles (by hand or by filter).
import { AppError } from "../../errors";
import { MAX_CAMPAIGN_ARTICLES, type CampaignArticleFilter } from "../../schemas/campaigns";
import type { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;

/** The annotators, all existing and active; 422 naming the others. */
export async function checkAnnotators(tx: Tx, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await tx.user.findMany({ where: { id: { in: unique }, deactivatedAt: null }, select: { id: true } });
  const known = new Set(found.map((u) => u.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length) throw new AppError("INVALID_INPUT", "Some annotators do not exist or are deactivated.", { annotatorIds: missing });
  return unique;
}

/** A balancing field must be a choice field: its options are the panel's groups. */
export async function checkBalanceField(tx: Tx, key: string | null | undefined): Promise<void> {
  if (!key) return;
  const field = await tx.profileField.findUnique({ where: { key }, select: { type: true } });
  if (!field) throw new AppError("INVALID_INPUT", `No profile field has the key "${key}".`, { balanceBy: key });
  if (field.type !== "CHOICE") throw new AppError("INVALID_INPUT", `Panels balance by a choice field; "${key}" is free text.`, { balanceBy: key });
}

export async function checkLabels(tx: Tx, keys: readonly string[] | undefined): Promise<void> {
  if (!keys?.length) return;
  const found = new Set((await tx.label.findMany({ where: { key: { in: [...keys] } }, select: { key: true } })).map((l) => l.key));
  const missing = keys.filter((k) => !found.has(k));
  if (missing.length) throw new AppError("INVALID_INPUT", "Some labels do not exist.", { labels: missing });
}

export async function checkGuidelineVersion(tx: Tx, number: number | null | undefined): Promise<void> {
  if (number == null) return;
  if (!(await tx.guidelineVersion.findUnique({ where: { number }, select: { number: true } }))) {
    throw new AppError("INVALID_INPUT", `Guideline version ${number} does not exist.`, { guidelineVersion: number });
  }
}

/**
 * The articles chosen by hand (in the order given, each checked to exist) followed by those the
 * filter matches (by publication date, then creation), without repeats.
 */
export async function resolveArticles(tx: Tx, ids: readonly string[] | undefined, filter: CampaignArticleFilter | undefined): Promise<string[]> {
  const chosen = [...new Set(ids ?? [])];
  if (chosen.length) {
    const found = new Set((await tx.article.findMany({ where: { id: { in: chosen } }, select: { id: true } })).map((a) => a.id));
    const missing = chosen.filter((id) => !found.has(id));
    if (missing.length) throw new AppError("INVALID_INPUT", "Some articles do not exist.", { articleIds: missing.slice(0, 20) });
  }
  if (filter) {
    const where: Prisma.ArticleWhereInput = {
      ...(filter.sourceIds?.length ? { sourceId: { in: filter.sourceIds } } : {}),
      ...(filter.from || filter.to ? { publishedAt: { ...(filter.from ? { gte: new Date(filter.from) } : {}), ...(filter.to ? { lte: new Date(filter.to) } : {}) } } : {}),
    };
    const matched = await tx.article.findMany({ where, select: { id: true }, orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }], take: MAX_CAMPAIGN_ARTICLES + 1 });
    const seen = new Set(chosen);
    for (const a of matched) if (!seen.has(a.id)) chosen.push(a.id);
  }
  if (chosen.length > MAX_CAMPAIGN_ARTICLES) {
    throw new AppError("INVALID_INPUT", `A campaign takes at most ${MAX_CAMPAIGN_ARTICLES.toLocaleString("en")} articles at once; narrow the filter.`, { articles: chosen.length });
  }
  return chosen;
}
