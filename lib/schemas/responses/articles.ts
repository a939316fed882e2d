import { z } from "zod";
import { AssignmentStatus } from "./annotations";
import { GoldStatus } from "./compare";

// The article list (lib/db/articles).

export const ArticleListItem = z.object({
  id: z.string(),
  title: z.string(),
  source: z.object({ id: z.string(), name: z.string() }),
  publishedAt: z.string().nullable(),
  wordCount: z.number(),
  goldStatus: GoldStatus,
  changedSinceAdjudication: z.boolean(),
});
export type ArticleListItem = z.infer<typeof ArticleListItem>;

export const ArticleProgress = z.object({ myStatus: AssignmentStatus.nullable(), submitted: z.number(), inProgress: z.number(), myAnnotations: z.number() });
export type ArticleProgress = z.infer<typeof ArticleProgress>;
