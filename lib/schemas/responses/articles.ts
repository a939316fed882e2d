import { z } from "zod";
import { AssignmentStatus } from "./annotations";
import { GoldStatus } from "./compare";

// The article list (lib/db/articles).

export const ArticleListItem = z.object({
  id: z.string(),
  title: z.string(),
  /** Null for an article the reader sees outlet-blind (decision 0025). */
  source: z.object({ id: z.string(), name: z.string() }).nullable(),
  publishedAt: z.string().nullable(),
  wordCount: z.number(),
  goldStatus: GoldStatus,
  changedSinceAdjudication: z.boolean(),
  /** True: this reader is in an outlet-blind campaign holding the article; source and date are hidden. */
  outletBlind: z.boolean(),
});
export type ArticleListItem = z.infer<typeof ArticleListItem>;

export const ArticleProgress = z.object({ myStatus: AssignmentStatus.nullable(), submitted: z.number(), inProgress: z.number(), myAnnotations: z.number() });
export type ArticleProgress = z.infer<typeof ArticleProgress>;
