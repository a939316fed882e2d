import { z } from "zod";

// The guideline and its versions as the API sends them (lib/db/guidelines builds them).

const Person = z.object({ id: z.string(), name: z.string() });

/** One saved version, without its text (the history list). */
export const GuidelineVersionSummary = z.object({ number: z.number(), author: Person, createdAt: z.string(), note: z.string().nullable() });
export type GuidelineVersionSummary = z.infer<typeof GuidelineVersionSummary>;

/** A version with its text. Before the first save: number 0, empty text, no author. */
export const GuidelineView = z.object({
  number: z.number(),
  markdown: z.string(),
  author: Person.nullable(),
  createdAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type GuidelineView = z.infer<typeof GuidelineView>;

export const GuidelineVersionList = z.object({ items: z.array(GuidelineVersionSummary) });

export const GuidelineDiffView = z.object({
  from: z.number(),
  to: z.number(),
  added: z.number(),
  removed: z.number(),
  lines: z.array(z.object({ kind: z.enum(["added", "removed", "same"]), text: z.string() })),
});
export type GuidelineDiffView = z.infer<typeof GuidelineDiffView>;
