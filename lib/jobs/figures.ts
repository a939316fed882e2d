import { z } from "zod";
import { pendingAgreements, refreshArticleAgreements } from "../db/figures/agreement";
import { fillReportFigures } from "../db/figures/agreement-report";
import { foldRollups } from "../db/figures/rollups";
import { defineJob } from "./registry";
import { enqueue } from "./jobs";

// The source figures' background work (docs/decisions/0011): writers only
// append deltas; these jobs fold them into the rollups and recompute the
// agreement of the articles the fold queued. Both coalesce: however many
// writes ask for a fold while one waits, one runs, and it folds them all.
// Both are idempotent: a fold takes what is in the log when it runs, and a
// refresh writes a figure only for the version of the article it computed.

const FOLD_BATCH = 1000;
const REFRESH_BATCH = 50;

export const figuresFold = defineJob(
  "figures-fold",
  z.object({}),
  async (_payload, { signal }) => {
    let folded: number;
    do folded = await foldRollups(FOLD_BATCH);
    while (folded === FOLD_BATCH && !signal.aborted);
    // -1: another transaction is folding; fold again a moment later, so the last write is covered.
    if (folded === -1) await enqueue(figuresFold, {}, { startAfterSeconds: 1 });
    if ((await pendingAgreements()) > 0) await enqueue(agreementRefresh, {});
  },
  { concurrency: 1, coalesce: true, expireSeconds: 60 },
);

export const agreementRefresh = defineJob(
  "agreement-refresh",
  z.object({}),
  async (_payload, { signal }) => {
    while ((await refreshArticleAgreements(REFRESH_BATCH)) === REFRESH_BATCH && !signal.aborted);
    // Left over: a fold held the lock, or the run was cancelled; a later run takes the rest.
    if ((await pendingAgreements()) > 0) await enqueue(agreementRefresh, {}, { startAfterSeconds: 2 });
  },
  { concurrency: 1, coalesce: true, expireSeconds: 60 },
);

/**
 * Stores the agreement report's figures that are missing or stale for reasons
 * no span write queued: the label set changed (a label was added), or
 * the figures' computation did (FIGURES_VERSION). Each worker enqueues it when
 * it starts; label changes enqueue it. Coalesces, like the others.
 */
export const reportFiguresFill = defineJob(
  "report-figures-fill",
  z.object({}),
  async (_payload, { signal }) => {
    await fillReportFigures({ signal });
  },
  { concurrency: 1, coalesce: true, expireSeconds: 60 },
);

/** After a label is added: every article's report figures count one label more (its fingerprint moved). */
export function scheduleReportFigures(): void {
  enqueue(reportFiguresFill, {}).catch((error: unknown) => console.error("[slant] could not enqueue the report figures:", error));
}

/**
 * How long after a write the fold is enqueued. Writes within it share one job,
 * so an annotator's burst of autosaves (or 20 clients writing at once) costs
 * one fold and one enqueue a second, not one per write: run per write, the
 * refresh took a third of bench:api's throughput.
 */
export const FIGURES_SETTLE_MS = 1000;
/** How often each worker enqueues a fold anyway, for writes that asked for none (gold, articles, imports). */
export const FOLD_EVERY_MS = 30_000;

let settling: NodeJS.Timeout | null = null;

/** After a span or assignment write: one fold (and agreement refresh) job, once writes have settled for a moment. */
export function scheduleFigures(): void {
  if (settling) return;
  settling = setTimeout(() => {
    settling = null;
    enqueue(figuresFold, {}).catch((error: unknown) => console.error("[slant] could not enqueue a fold:", error));
  }, FIGURES_SETTLE_MS);
  settling.unref();
}
