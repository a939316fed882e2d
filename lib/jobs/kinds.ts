import { agreementRefresh, figuresFold } from "./figures";
import type { JobKind } from "./registry";

/**
 * Every kind of job a worker runs, and the queues installJobQueue creates. A
 * new kind is one line here, after its defineJob().
 */
export const JOB_KINDS: readonly JobKind[] = [figuresFold, agreementRefresh];
