import type { ExportQuery } from "../schemas/datasets";

/** e.g. "slant-gold-2024-05-01.jsonl": what was exported and when, for a downloads folder. */
export function exportFilename(query: Pick<ExportQuery, "gold" | "annotationsOnly">, extension: string, now = new Date()): string {
  const parts = ["slant", query.gold ? "gold" : "annotations", ...(query.annotationsOnly ? ["no-text"] : []), now.toISOString().slice(0, 10)];
  return `${parts.join("-")}.${extension}`;
}

/** Free text saying what was selected, for formats with room for a title (W3C, Label Studio). */
export function exportBasis(query: Pick<ExportQuery, "gold" | "label" | "pseudonymize">): string {
  return [query.gold ? "gold standard" : "annotators and gold", query.label.length ? `labels ${query.label.join(", ")}` : "", query.pseudonymize ? "pseudonymized" : ""].filter(Boolean).join("; ");
}
