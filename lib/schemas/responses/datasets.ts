import { z } from "zod";

/** GET /api/export/count: what an export with these filters would hold. */
export const ExportCount = z.object({ articles: z.number(), annotations: z.number() });
export type ExportCount = z.infer<typeof ExportCount>;
