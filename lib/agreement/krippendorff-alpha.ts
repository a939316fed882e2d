import { differenceFunction, type MeasurementLevel, type Value } from "./difference-functions";
import { fewItemsWarning, oneMinusRatio, similarSpellingWarnings } from "./result";

export type { MeasurementLevel } from "./difference-functions";

export type KrippendorffAlphaResult = {
  /** α, or null when undefined (no pairable values, or expected disagreement 0). */
  value: number | null;
  level: MeasurementLevel;
  /** Do = (1/n..) Σ_c Σ_k o_ck δ²_ck */
  observedDisagreement: number | null;
  /** De = (1/(n..(n.. − 1))) Σ_c Σ_k n_c n_k δ²_ck */
  expectedDisagreement: number | null;
  observers: number;
  units: number;
  /** Units with at least two values: the only ones alpha can use. */
  pairableUnits: number;
  /** Units with 0 or 1 values, left out because there is nothing to pair with. */
  unpairableUnits: number;
  /** n..: number of values inside pairable units. */
  pairableValues: number;
  /** Cells that were null (not coded). */
  missingValues: number;
  /** Indices of observers who gave no value at all. */
  observersWithoutValues: number[];
  /** Distinct values seen in pairable units. */
  distinctValues: number;
  warnings: string[];
};

/**
 * Krippendorff's alpha for m observers coding N units, with missing values:
 *
 *   α = 1 − Do / De = 1 − (n.. − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 *
 * where o_ck = Σ_u (number of c–k pairs in unit u) / (m_u − 1) is the
 * coincidence matrix over units with m_u ≥ 2 values, n_c = Σ_k o_ck, and
 * δ² is the level's difference function: nominal [c ≠ k]; ordinal
 * (Σ_{g=c..k} n_g − (n_c + n_k)/2)²; interval (c − k)²; ratio ((c − k)/(c + k))².
 *
 * Reference: Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
 * Annenberg School for Communication, University of Pennsylvania,
 * https://repository.upenn.edu/asc_papers/43 .
 *
 * `data[observer][unit]`; null = the observer did not code that unit.
 *
 * @throws RangeError on ragged rows (units would be misaligned), on NaN or
 *   infinite numbers, on non-numbers for ordinal/interval/ratio (they have no
 *   order or distance we could honestly invent), and on negative ratio values.
 */
export function krippendorffAlpha(data: readonly (readonly (Value | null)[])[], level: MeasurementLevel): KrippendorffAlphaResult {
  const observers = data.length;
  const units = data[0]?.length ?? 0;
  data.forEach((row, o) => {
    if (row.length !== units) throw new RangeError(`krippendorffAlpha: observer ${o} has ${row.length} units but observer 0 has ${units}`);
    row.forEach((v, u) => checkValue(v ?? null, level, o, u));
  });

  const valueIndex = new Map<Value, number>();
  const values: Value[] = [];
  const coincidences: number[][] = [];
  let unpairableUnits = 0;
  let missingValues = 0;
  for (let u = 0; u < units; u++) {
    const inUnit = new Map<Value, number>();
    for (const row of data) {
      const v = row[u] ?? null;
      if (v === null) missingValues++;
      else inUnit.set(v, (inUnit.get(v) ?? 0) + 1);
    }
    const valuesInUnit = [...inUnit.values()].reduce((s, c) => s + c, 0);
    if (valuesInUnit < 2) {
      unpairableUnits++;
      continue;
    }
    for (const v of inUnit.keys()) {
      if (!valueIndex.has(v)) {
        valueIndex.set(v, values.length);
        values.push(v);
        coincidences.forEach((r) => r.push(0));
        coincidences.push(new Array<number>(values.length).fill(0));
      }
    }
    for (const [c, countC] of inUnit) {
      for (const [k, countK] of inUnit) {
        const pairs = c === k ? countC * (countC - 1) : countC * countK;
        const row = coincidences[valueIndex.get(c) ?? 0] ?? [];
        const col = valueIndex.get(k) ?? 0;
        row[col] = (row[col] ?? 0) + pairs / (valuesInUnit - 1);
      }
    }
  }

  const marginals = coincidences.map((row) => row.reduce((s, x) => s + x, 0));
  const pairableValues = marginals.reduce((s, x) => s + x, 0);
  const delta = differenceFunction(level, values, marginals);
  let observedSum = 0;
  let expectedSum = 0;
  for (let c = 0; c < values.length; c++) {
    for (let k = 0; k < values.length; k++) {
      const d = delta(c, k);
      observedSum += (coincidences[c]?.[k] ?? 0) * d;
      expectedSum += (marginals[c] ?? 0) * (marginals[k] ?? 0) * d;
    }
  }
  const pairable = pairableValues >= 2;
  const observedDisagreement = pairable ? observedSum / pairableValues : null;
  const expectedDisagreement = pairable ? expectedSum / (pairableValues * (pairableValues - 1)) : null;
  const value = pairable ? oneMinusRatio(observedDisagreement ?? 0, expectedDisagreement ?? 0) : null;

  const observersWithoutValues = data.flatMap((row, o) => (row.every((v) => (v ?? null) === null) ? [o] : []));
  const warnings: string[] = [];
  if (observersWithoutValues.length > 0) {
    warnings.push(`observer(s) ${observersWithoutValues.join(", ")} gave no values; alpha treats their cells as missing`);
  }
  if (unpairableUnits > 0) {
    warnings.push(`${unpairableUnits} of ${units} units had fewer than two values and could not be paired, so they were left out`);
  }
  warnings.push(...fewItemsWarning(units - unpairableUnits, "pairable units"));
  if (pairable && value === null) {
    warnings.push("only one value occurs in the pairable units: expected disagreement is 0, so alpha is undefined");
  }
  warnings.push(...similarSpellingWarnings(values.filter((v): v is string => typeof v === "string")));

  return {
    value, level, observedDisagreement, expectedDisagreement, observers, units,
    pairableUnits: units - unpairableUnits, unpairableUnits, pairableValues, missingValues,
    observersWithoutValues, distinctValues: values.length, warnings,
  };
}

function checkValue(v: Value | null, level: MeasurementLevel, o: number, u: number): void {
  if (v === null) return;
  const where = `krippendorffAlpha: data[${o}][${u}]`;
  if (typeof v === "number" && !Number.isFinite(v)) throw new RangeError(`${where} is ${v}; use null for a missing value`);
  if (level !== "nominal" && typeof v !== "number") {
    throw new RangeError(`${where} is ${JSON.stringify(v)}; ${level} data must be numbers`);
  }
  if (level === "ratio" && typeof v === "number" && v < 0) throw new RangeError(`${where} is ${v}; ratio data cannot be negative`);
}
