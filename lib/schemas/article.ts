import { z } from "zod";
import { IsoDate, Line, MAX_BODY_CODE_POINTS, Text, Uuid } from "./common";

const codePoints = (s: string) => [...s].length;

export const SourceRef = z.union([
  z.strictObject({ id: Uuid }),
  z.strictObject({ name: Line(200) }),
]);

export const CreateArticleInput = z.strictObject({
  source: SourceRef,
  title: Line(500),
  body: Text()
    .refine((s) => s.trim().length > 0, "must not be empty")
    .refine((s) => codePoints(s) <= MAX_BODY_CODE_POINTS, `must be at most ${MAX_BODY_CODE_POINTS} characters`),
  byline: Line(300).nullish(),
  url: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000).nullish(),
  publishedAt: IsoDate.nullish(),
});
export type CreateArticleInput = z.infer<typeof CreateArticleInput>;

export const ArticleListQuery = z.strictObject({
  sourceId: Uuid.optional(),
  cursor: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ArticleListQuery = z.infer<typeof ArticleListQuery>;
