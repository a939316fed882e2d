import { z } from "zod";
import type { Basis } from "../aggregates/layers";
import { IsoMonth, Line, Text, Uuid } from "./common";
import { LabelKey } from "./annotation";

/**
 * `?basis=all|gold|<user id>`; absent, each actor's default (see
 * resolveBasis: all for reviewers, their own layer for analysts).
 */
export const BasisParam = z
  .union([z.literal("all"), z.literal("gold"), Uuid])
  .optional()
  .transform((value): Basis | undefined => (value === undefined ? undefined : value === "all" || value === "gold" ? { kind: value } : { kind: "annotator", userId: value }));

const Month = IsoMonth;

/** Filters shared by every source view; months are inclusive. */
export const SourceViewQuery = z
  .strictObject({ basis: BasisParam, from: Month.optional(), to: Month.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["to"] });
export type SourceViewQuery = z.infer<typeof SourceViewQuery>;

export const CompareQuery = z.strictObject({
  ids: z
    .string()
    .transform((s) => [...new Set(s.split(",").filter(Boolean))])
    .pipe(z.array(Uuid).min(2, "name at least two sources").max(6, "compare at most six sources")),
  basis: BasisParam,
  from: Month.optional(),
  to: Month.optional(),
});

/** Which spans make up a figure: the source and basis, plus whatever the figure fixes. */
export const EvidenceQuery = z.strictObject({
  basis: BasisParam,
  from: Month.optional(),
  to: Month.optional(),
  label: LabelKey.optional(),
  month: z.union([Month, z.literal("undated")]).optional(),
  articleId: Uuid.optional(),
  kind: z.enum(["named", "anonymous", "vague", "anonymous_or_vague"]).optional(),
  expression: Text().max(1000).optional(),
  speaker: Text().max(200).optional(),
  cursor: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type EvidenceQuery = z.infer<typeof EvidenceQuery>;

const Homepage = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000);
const Description = Text().trim().max(5000, "must be at most 5000 characters");

export const CreateSourceInput = z.strictObject({
  name: Line(200),
  homepage: Homepage.nullish(),
  description: Description.nullish(),
});
export type CreateSourceInput = z.infer<typeof CreateSourceInput>;

/** A bare host name as imports match it ("english.almayadeen.net"): lower case, no scheme, path or port. */
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, "must be at most 253 characters")
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, "must be a host name such as example.com (no https:// or path)");

/** PATCH /api/sources/:id (admins); null or "" clears homepage, domain or description. */
export const UpdateSourceInput = CreateSourceInput.extend({ domain: z.union([z.literal("").transform(() => null), Domain]).nullish() })
  .partial()
  .refine((u) => Object.keys(u).length > 0, "change at least one field");
export type UpdateSourceInput = z.infer<typeof UpdateSourceInput>;

type RawParams = Record<string, string | string[] | undefined>;

/** Page search params → the view query: empty form fields dropped, repeated keys take the first value. */
export function viewParams(raw: RawParams, keys: readonly string[] = ["basis", "from", "to"]): Record<string, string> {
  const picked = keys.map((k) => [k, Array.isArray(raw[k]) ? raw[k][0] : raw[k]] as const);
  return Object.fromEntries(picked.filter((entry): entry is readonly [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

export const MergeSourceInput = z.strictObject({ intoId: Uuid });
