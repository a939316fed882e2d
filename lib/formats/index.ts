// Dataset formats: pure, streaming writers (and readers for import) over the
// export model. Offsets everywhere are Unicode code points, [start, end).
export {
  checkedArticle,
  compareAnnotations,
  ExportAnnotationSchema,
  ExportArticleFields,
  ExportArticleSchema,
  FormatError,
  sortedAnnotations,
  type ExportAnnotation,
  type ExportArticle,
  type ExportOptions,
  type ExportWriter,
} from "./model";
export type { TextInput } from "./lines";
export { readJsonl, writeJsonl, type JsonlReadResult } from "./jsonl";
export { CSV_COLUMNS, writeCsv } from "./csv.write";
export { readCsv, type CsvReadResult } from "./csv.read";
export { W3C_CONTEXT, w3cAnnotation, w3cIris, writeW3c } from "./w3c.write";
export { readW3c, type W3cAnnotation, type W3cReadResult } from "./w3c.read";
export { bratAnn, bratFileStem, bratFragments, writeBrat } from "./brat";
export { sentences, type Token } from "./tokenize";
export { conllDocument, DEFAULT_CONLL_LABELS, writeConll, type ConllOptions } from "./conll";
export { labelStudioConfig, labelStudioTask, writeLabelStudio, type LabelStudioOffsetUnit, type LabelStudioOptions } from "./labelstudio.write";
export { readLabelStudio, type LabelStudioReadResult, type LabelStudioSpan, type LabelStudioTaskRead } from "./labelstudio.read";
export { exportFormats, isExportFormatKey, type ExportFormat, type ExportFormatKey } from "./registry";
