// Inter-annotator agreement measures for Slant. Pure functions: no I/O, no
// framework imports, so they run the same in API routes, scripts and tests.
//
// Every measure returns { value: number | null, ...the counts it used, warnings }.
// `null` means "undefined for this data" and the warnings say why.

export { FEW_ITEMS, type MeasureResult } from "./result";
export { cohenKappa, type CohenKappaResult } from "./cohen-kappa";
export { fleissKappa, type FleissKappaResult } from "./fleiss-kappa";
export { krippendorffAlpha, type KrippendorffAlphaResult, type MeasurementLevel } from "./krippendorff-alpha";
export { differenceFunction } from "./difference-functions";
export {
  unitizingAlpha,
  type Continuum,
  type UnitizingAlphaOptions,
  type UnitizingAlphaResult,
  type UnitizingCategoryResult,
  type UnitizingUnit,
} from "./unitizing-alpha";
export { sectionDistance } from "./unitizing-disagreement";
export type { Section } from "./unitizing-sections";
export { spanF1, type PrecisionRecallF1, type Span, type SpanF1Result } from "./span-f1";
export { articleAgreement, type LabelAgreement, type RatedSpan } from "./article-agreement";
export { agreementReport, articleFigures, reportRow, summarizeReport, type AgreementReport, type ArticleFigures, type FiguredArticle, type ReportRow } from "./report";
export { pooledF1, type PairSums, type PooledF1 } from "./pooled-f1";
