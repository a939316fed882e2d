// A basis says whose spans a figure counts. The database keeps one rollup per
// "layer": each annotator's own id, plus sentinels for the gold standard, the
// all-annotators mean and the whole corpus (see the source_rollups migration).

export type Basis = { kind: "all" } | { kind: "gold" } | { kind: "annotator"; userId: string };

export const GOLD_LAYER = "00000000-0000-0000-0000-000000000000";
export const CORPUS_LAYER = "00000000-0000-0000-0000-000000000001";
export const ALL_ANNOTATORS_LAYER = "ffffffff-ffff-ffff-ffff-ffffffffffff";

export function layerOf(basis: Basis): string {
  if (basis.kind === "all") return ALL_ANNOTATORS_LAYER;
  if (basis.kind === "gold") return GOLD_LAYER;
  return basis.userId;
}

/** The value of `?basis=`: "all", "gold" or the annotator's user id. */
export function basisKey(basis: Basis): string {
  return basis.kind === "annotator" ? basis.userId : basis.kind;
}

/** How a figure was counted, in words: shown on every page and written into every download. */
export function describeBasis(basis: Basis, annotatorName?: string): string {
  if (basis.kind === "all") return "All annotations: each annotator counted separately, averaged per article";
  if (basis.kind === "gold") return "Gold standard only (adjudicated annotations)";
  return `One annotator: ${annotatorName ?? basis.userId}`;
}
