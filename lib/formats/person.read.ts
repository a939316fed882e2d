// A person named in a file (an annotator, a reviewer, a comment's author), read
// leniently: an email, an id, or an object with any of id, name and email.
import { z } from "zod";

export type AnnotatorRead = { id: string | null; name: string | null; email: string | null };

const Email = z.email();
const optionalText = z.string().nullish().transform((v) => v ?? null);

export const PersonRead = z.union([
  z.string().min(1).transform((v): AnnotatorRead => (Email.safeParse(v).success ? { id: null, name: null, email: v.toLowerCase() } : { id: v, name: null, email: null })),
  z
    .looseObject({ id: z.union([z.string().min(1), z.number()]).nullish(), name: optionalText, email: Email.nullish() })
    .refine((a) => a.id != null || a.email != null || (a.name ?? "") !== "", "needs an id, a name or an email")
    .transform((a): AnnotatorRead => ({ id: a.id == null ? null : String(a.id), name: a.name || null, email: a.email?.toLowerCase() ?? null })),
]);
