import { agreementRefresh, figuresFold, reportFiguresFill } from "./figures";
import { importRun } from "./imports";
import type { JobKind } from "./registry";

/**
 * Every kind of job a worker runs, and the queues installJobQueue creates. A
 * new kind is its defineJob() and one entry here; enqueue(kind, payload, { userId }) runs it.
 */
export const JOB_KINDS: readonly JobKind[] = [figuresFold, agreementRefresh, reportFiguresFill, importRun];
