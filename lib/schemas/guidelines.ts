import { z } from "zod";
import { Text } from "./common";

/** A guideline is prose for people; 200,000 characters is a long book chapter. */
export const MAX_GUIDELINE_CHARS = 200_000;

/** PUT /api/guidelines: the new text, and the version it was edited from (0 when there was none). */
export const SaveGuidelineInput = z.strictObject({
  markdown: Text().max(MAX_GUIDELINE_CHARS, `must be at most ${MAX_GUIDELINE_CHARS} characters`),
  baseVersion: z.number().int().min(0),
  note: Text().trim().max(500, "must be at most 500 characters").optional(),
});
export type SaveGuidelineInput = z.infer<typeof SaveGuidelineInput>;

const VersionNumber = z.coerce.number().int().min(1, "versions count from 1");

/** GET /api/guidelines?version=N: the latest when absent. */
export const GuidelineQuery = z.strictObject({ version: VersionNumber.optional() });

/** GET /api/guidelines/diff?from=N&to=M. */
export const GuidelineDiffQuery = z.strictObject({ from: VersionNumber, to: VersionNumber });
