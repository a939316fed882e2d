// Where each imported annotation lands in the stored article text. Every
// annotation is re-anchored with anchorQuote against the body as Slant stores
// it (normalized), and the outcome is said out loud: anchored where the file
// said, re-anchored elsewhere (with both positions), or orphaned (not created).
import { anchorQuote, CodePointIndex, spanContext } from "../spans";
import type { ImportedAnnotation } from "./import-records";

export type Placement =
  | { status: "anchored" | "reanchored"; annotation: ImportedAnnotation; start: number; end: number; quote: string; prefix: string; suffix: string }
  | { status: "orphaned"; annotation: ImportedAnnotation; reason: string };

export function placeAnnotations(body: string | CodePointIndex, annotations: readonly ImportedAnnotation[]): Placement[] {
  const index = typeof body === "string" ? new CodePointIndex(body) : body;
  return annotations.map((annotation): Placement => {
    const { quote, prefix, suffix, start, end } = annotation;
    const result = anchorQuote(index, { quote, prefix, suffix, ...(start !== null && end !== null ? { start, end } : {}) });
    if (result.status === "orphaned") return { status: "orphaned", annotation, reason: "the quote was not found in the article text" };
    const context = spanContext(index, result.start, result.end);
    // A fuzzy match may differ from the stored quote; what is stored is the text actually there.
    const status = result.status === "anchored" && context.quote === quote ? "anchored" : "reanchored";
    return { status, annotation, start: result.start, end: result.end, ...context };
  });
}
