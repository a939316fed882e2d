// Krippendorff's difference functions δ²(c, k): how far apart two values are
// at each level of measurement. Kept apart from the alpha computation so the
// metric can be checked, and tested, on its own.

export type MeasurementLevel = "nominal" | "ordinal" | "interval" | "ratio";
export type Value = string | number;

/**
 * δ²(c, k) for value indices c, k into `values`, per Krippendorff (2011),
 * "Computing Krippendorff's Alpha-Reliability", section on difference functions:
 *
 *   nominal  [c ≠ k]
 *   ordinal  (Σ_{g=c..k} n_g − (n_c + n_k)/2)²   (n_g: marginal of the g-th ranked value)
 *   interval (c − k)²
 *   ratio    ((c − k)/(c + k))²                  (0 when c = k = 0)
 *
 * `marginals[i]` is n_i, the number of pairable values equal to `values[i]`;
 * only the ordinal metric needs it. Non-nominal levels assume numeric values.
 */
export function differenceFunction(level: MeasurementLevel, values: Value[], marginals: number[]): (c: number, k: number) => number {
  const num = (i: number) => Number(values[i]);
  if (level === "nominal") return (c, k) => (c === k ? 0 : 1);
  if (level === "interval") return (c, k) => (num(c) - num(k)) ** 2;
  if (level === "ratio") {
    return (c, k) => (num(c) + num(k) === 0 ? 0 : ((num(c) - num(k)) / (num(c) + num(k))) ** 2);
  }
  // Ordinal: distance is the mass of values ranked between c and k, so sort by value.
  const order = values.map((_, i) => i).sort((x, y) => num(x) - num(y));
  const rank = new Array<number>(values.length);
  const cumulative = [0];
  order.forEach((i, r) => {
    rank[i] = r;
    cumulative.push((cumulative[r] ?? 0) + (marginals[i] ?? 0));
  });
  return (c, k) => {
    const [low, high] = [Math.min(rank[c] ?? 0, rank[k] ?? 0), Math.max(rank[c] ?? 0, rank[k] ?? 0)];
    const between = (cumulative[high + 1] ?? 0) - (cumulative[low] ?? 0);
    return (between - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2) ** 2;
  };
}
