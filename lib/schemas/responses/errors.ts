import { z } from "zod";

/**
 * Every refusal the API sends (lib/api/route.ts): a sentence for people, a
 * machine-readable code (lib/errors.ts) and, for bad input, what was wrong.
 * Lenient on purpose: the client reads what is there, whatever else came along.
 */
export const ErrorBody = z.looseObject({
  error: z.string().optional(),
  code: z.string().optional(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
