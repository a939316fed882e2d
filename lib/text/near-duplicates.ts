import { distance } from "fastest-levenshtein";

// Source names already match ignoring case, whitespace and punctuation (the
// stored key, slant_source_key in the database). Beyond that, a typo-sized
// difference between two keys ("foxnews" / "foxnew", "reuters" / "reuter")
// is flagged for a person to merge or keep, never merged automatically.

export type KeyedSource = { id: string; name: string; nameKey: string };

/** Edits allowed between two keys: none for keys under 4 characters (too many short names are one letter apart), 1 under 8, else 2. */
export function allowedEdits(a: string, b: string): number {
  const shorter = Math.min([...a].length, [...b].length);
  return shorter < 4 ? 0 : shorter < 8 ? 1 : 2;
}

export function areNearDuplicates(a: string, b: string): boolean {
  if (a === b) return false;
  const edits = allowedEdits(a, b);
  return edits > 0 && Math.abs(a.length - b.length) <= edits && distance(a, b) <= edits;
}

/** The sources whose key is a near-duplicate of `key`. */
export function nearDuplicatesOf(key: string, sources: readonly KeyedSource[]): KeyedSource[] {
  return sources.filter((s) => areNearDuplicates(key, s.nameKey));
}

/**
 * Every near-duplicate pair, once, by name. Keys are compared only with keys
 * of nearly the same length (sorted by length), so a few thousand sources
 * cost a few thousand comparisons each at most.
 */
export function nearDuplicatePairs(sources: readonly KeyedSource[]): [KeyedSource, KeyedSource][] {
  const byLength = [...sources].sort((x, y) => x.nameKey.length - y.nameKey.length);
  const pairs: [KeyedSource, KeyedSource][] = [];
  for (let i = 0; i < byLength.length; i++) {
    const a = byLength[i]!;
    for (let j = i + 1; j < byLength.length && byLength[j]!.nameKey.length - a.nameKey.length <= 2; j++) {
      const b = byLength[j]!;
      if (areNearDuplicates(a.nameKey, b.nameKey)) pairs.push(a.name <= b.name ? [a, b] : [b, a]);
    }
  }
  return pairs.sort(([a], [b]) => a.name.localeCompare(b.name));
}
