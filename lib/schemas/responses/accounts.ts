import { z } from "zod";

// Personal API tokens as the profile page and GET/POST /api/tokens show them.

export const TokenView = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
export type TokenView = z.infer<typeof TokenView>;

/** POST /api/tokens: the view and, this once, the token itself. */
export const CreatedToken = TokenView.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof CreatedToken>;
