// Shared vocabulary for every agreement measure in this folder.
//
// The contract, which is the product's selling point: a coefficient that is
// mathematically undefined comes back as `null` (never NaN, never a
// flattering 1), every result carries the counts it was computed from, and
// anything that was set aside or looks suspicious is said in `warnings`.

/** What every measure returns at the least. */
export type MeasureResult = { value: number | null; warnings: string[] };

/**
 * Below this many items (units, rows, pairs) a chance-corrected coefficient
 * swings by tenths on a single disagreement. We still compute it, but say so.
 */
export const FEW_ITEMS = 10;

/**
 * Differences this small are floating-point noise, not information: used to
 * decide that an expected (dis)agreement is really 0 or 1.
 */
export const ROUNDING_TOLERANCE = 1e-12;

/** `numerator / denominator`, or null when that is not a finite number. */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  const ratio = numerator / denominator;
  return Number.isFinite(ratio) ? ratio : null;
}

/**
 * The alpha family's chance correction, `1 - Do / De`. Undefined (null) when
 * chance predicts no disagreement at all: then there is nothing to correct
 * for, and reporting 1 would claim agreement that was never tested.
 */
export function oneMinusRatio(observedDisagreement: number, expectedDisagreement: number): number | null {
  if (Math.abs(expectedDisagreement) <= ROUNDING_TOLERANCE) return null;
  const ratio = ratioOrNull(observedDisagreement, expectedDisagreement);
  return ratio === null ? null : 1 - ratio;
}

/**
 * The kappa family's chance correction, `(Po - Pe) / (1 - Pe)`. Undefined
 * (null) when chance alone already predicts perfect agreement (Pe = 1).
 */
export function kappaFrom(observedAgreement: number, expectedAgreement: number): number | null {
  if (Math.abs(1 - expectedAgreement) <= ROUNDING_TOLERANCE) return null;
  return ratioOrNull(observedAgreement - expectedAgreement, 1 - expectedAgreement);
}

/** The warning every measure gives when it had fewer than FEW_ITEMS to go on. */
export function fewItemsWarning(count: number, what: string): string[] {
  if (count === 0) return [`no ${what} to compare: the coefficient is undefined`];
  if (count < FEW_ITEMS) {
    return [`only ${count} ${what}: with fewer than ${FEW_ITEMS} a single disagreement moves the coefficient a lot`];
  }
  return [];
}

/**
 * Labels are compared exactly: "Claim" and "claim" are different categories.
 * Tools that quietly fold such spellings together inflate agreement, so we
 * keep them apart, but point out spellings that differ only in case, spaces,
 * hyphens or underscores, because they are usually a data-entry slip.
 */
export function similarSpellingWarnings(labels: Iterable<string>): string[] {
  const spellings = new Map<string, Set<string>>();
  for (const label of labels) {
    const key = label.trim().toLowerCase().replace(/[\s_-]+/g, " ");
    const seen = spellings.get(key) ?? new Set<string>();
    seen.add(label);
    spellings.set(key, seen);
  }
  return [...spellings.values()]
    .filter((variants) => variants.size > 1)
    .map((variants) => {
      const listed = [...variants].map((v) => JSON.stringify(v)).join(", ");
      return `labels ${listed} differ only in spelling; they were treated as different categories`;
    });
}
