import { z } from "zod";
import { Uuid } from "./common";

/** GET /api/import: newest first, `cursor` is the nextCursor of the previous page. */
export const ImportJobListQuery = z.strictObject({
  cursor: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ImportJobListQuery = z.infer<typeof ImportJobListQuery>;
