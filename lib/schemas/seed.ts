import { z } from "zod";
import { IsoDate, Line } from "./common";
import { AttributeFields } from "../labels/fields";

export const SeedSource = z.strictObject({
  name: Line(200),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  homepage: z.url().nullable(),
  domain: z.string().nullable(),
  description: z.string().nullable(),
});

export const SeedArticle = z.strictObject({
  source: Line(200),
  title: Line(500),
  byline: Line(300).nullable(),
  publishedAt: IsoDate.nullable(),
  url: z.url().nullable(),
  body: z.string().min(1),
});
export type SeedArticle = z.infer<typeof SeedArticle>;

export const SeedLabel = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: Line(100),
  description: z.string(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  shortcut: z.string().length(1).nullable(),
  sortOrder: z.number().int(),
  /** What the label feeds in the source figures (at most one label per role). */
  role: z.enum(["EXPRESSIONS", "ATTRIBUTIONS", "UNVERIFIED"]).optional(),
  /** The label's attribute fields (lib/labels/fields.ts), written to its row like any admin's. */
  attributes: AttributeFields.default([]),
});
export type SeedLabel = z.infer<typeof SeedLabel>;
