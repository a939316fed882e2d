import type { Interval } from "./bootstrap";
import { per1kWords, share } from "./density";

// Turns rollup rows (spans per label and attribution kind) into the figures a
// view shows. Kind "*" rows hold a label's total; other kinds split attributions.

export type RollupRow = { key: string; kind: string; spans: number; articles: number };
/** What a label feeds besides its counts ("Label".role): the top expressions, the attributions (speakers, kinds), the unverified share. */
export type LabelRole = "EXPRESSIONS" | "ATTRIBUTIONS" | "UNVERIFIED";
export type LabelMeta = { key: string; name: string; color: string; role: LabelRole | null };
export type LabelFigure = { key: string; count: number; per1kWords: number | null; articlesWith: number; ci95: Interval | null };
export type KindFigures = { named: number; anonymous: number; vague: number; anonymousOrVagueShare: number | null };

/** The key of the label with this role, or null when no label has it. */
export function keyOfRole(labels: readonly Pick<LabelMeta, "key" | "role">[], role: LabelRole): string | null {
  return labels.find((l) => l.role === role)?.key ?? null;
}

export function labelFigures(labels: readonly LabelMeta[], rows: readonly RollupRow[], words: number, intervals: readonly (Interval | null)[] = []): LabelFigure[] {
  return labels.map((label, i) => {
    const total = rows.filter((r) => r.key === label.key && r.kind === "*");
    const count = total.reduce((s, r) => s + r.spans, 0);
    const articlesWith = total.reduce((s, r) => s + r.articles, 0);
    return { key: label.key, count, per1kWords: per1kWords(count, words), articlesWith, ci95: intervals[i] ?? null };
  });
}

/** Attribution spans (of the label `attributions`) by kind; the share is of attributions whose kind was recorded. */
export function kindFigures(rows: readonly RollupRow[], attributions: string | null): KindFigures {
  const spans = (kind: string) => rows.filter((r) => r.key === attributions && r.kind === kind).reduce((s, r) => s + r.spans, 0);
  const named = spans("named");
  const anonymous = spans("anonymous");
  const vague = spans("vague");
  return { named, anonymous, vague, anonymousOrVagueShare: share(anonymous + vague, named + anonymous + vague) };
}

/** Share of covered articles with at least one span of the label. */
export function articleShare(figures: readonly LabelFigure[], key: string | null, articles: number): number | null {
  return share(figures.find((f) => f.key === key)?.articlesWith ?? 0, articles);
}
