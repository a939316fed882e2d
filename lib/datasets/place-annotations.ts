// Where each imported annotation lands in the stored article text. Every
// annotation is re-anchored with anchorQuote against the body as Slant stores
// it (normalized), and the outcome is said out loud: anchored where the file
// said, re-anchored elsewhere (with both positions), or orphaned (not created).
// Each quote's search is bounded (anchorQuote's budget), and so is the whole
// file's: an import job runs inside withAnchoringBudget, and once its
// allowance is spent, quotes that would need a search are orphaned.
import { AsyncLocalStorage } from "node:async_hooks";
import { anchorQuote, CodePointIndex, FILE_SEARCH_UNITS, QUOTE_SEARCH_UNITS, SearchBudget, spanContext } from "../spans";
import type { ImportedAnnotation } from "./import-records";
import { yieldToRequests } from "./time-slices";

export type Placement =
  | { status: "anchored" | "reanchored"; annotation: ImportedAnnotation; start: number; end: number; quote: string; prefix: string; suffix: string }
  | { status: "orphaned"; annotation: ImportedAnnotation; reason: string };

const NOT_FOUND = "the quote was not found in the article text";
const SEARCH_LIMIT = "the search for the quote was stopped at its cost limit (a long, edited or very common quote): check it by hand";

// The file's budget follows the job through its awaits, so the import functions between it and here need not pass it on.
const fileBudgets = new AsyncLocalStorage<SearchBudget>();

/** Runs one import with one re-anchoring allowance for all its annotations. */
export function withAnchoringBudget<T>(run: () => Promise<T>, units = FILE_SEARCH_UNITS): Promise<T> {
  return fileBudgets.run(new SearchBudget(units), run);
}

export async function placeAnnotations(body: string | CodePointIndex, annotations: readonly ImportedAnnotation[]): Promise<Placement[]> {
  const index = typeof body === "string" ? new CodePointIndex(body) : body;
  const file = fileBudgets.getStore() ?? new SearchBudget(FILE_SEARCH_UNITS);
  const placements: Placement[] = [];
  for (const annotation of annotations) {
    // Each search is short; between them other requests get their turn.
    await yieldToRequests();
    const { quote, prefix, suffix, start, end } = annotation;
    const result = anchorQuote(index, { quote, prefix, suffix, ...(start !== null && end !== null ? { start, end } : {}) }, file.child(QUOTE_SEARCH_UNITS));
    if (result.status === "orphaned") {
      placements.push({ status: "orphaned", annotation, reason: result.reason === "search-limit" ? SEARCH_LIMIT : NOT_FOUND });
      continue;
    }
    const context = spanContext(index, result.start, result.end);
    // A fuzzy match may differ from the stored quote; what is stored is the text actually there.
    const status = result.status === "anchored" && context.quote === quote ? "anchored" : "reanchored";
    placements.push({ status, annotation, start: result.start, end: result.end, ...context });
  }
  return placements;
}
