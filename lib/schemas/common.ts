import { z } from "zod";

export const Uuid = z.uuid({ message: "must be a UUID" });

export const IdParams = z.object({ id: Uuid });

/** Articles up to this many code points (a 20,000-word article is about 130,000). */
export const MAX_BODY_CODE_POINTS = 500_000;
/** Request bodies above this many bytes are refused with 413 before parsing. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * Any text Slant stores: well-formed Unicode (no lone surrogates) and no NUL,
 * neither of which PostgreSQL text or jsonb can hold.
 */
export const Text = () => z.string().refine((s) => !LONE_SURROGATE_OR_NUL.test(s), "must be valid Unicode text without NUL characters");

// With the u flag a surrogate pair is one code point, so \p{Cs} matches only lone halves.
const LONE_SURROGATE_OR_NUL = /[\p{Cs}\0]/u;

/** Trimmed, non-empty, single-line text of bounded length. */
export const Line = (max: number) =>
  Text()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), "must be a single line");

/** "2021-08-12" or a full ISO timestamp; stored as a date. */
export const IsoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((s) => s.slice(0, 10));
