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

// PostgreSQL has no year 0 (and a year past 9999 is not an ISO date): such a
// date must be refused here, with a readable reason, not by the database as a 500.
const DATE_RANGE = "between 0001-01-01 and 9999-12-31";
const notYearZero = (s: string) => !s.startsWith("0000");

/** A calendar date "YYYY-MM-DD" that exists (no February 30) in years 1 to 9999. */
export const IsoDay = z.iso
  .date({ message: `must be a real calendar date as YYYY-MM-DD, ${DATE_RANGE}` })
  .refine(notYearZero, `must be a date ${DATE_RANGE}`);

/** "2021-08-12" or a full ISO timestamp; stored as a date. */
export const IsoDate = z
  .union([IsoDay, z.iso.datetime({ offset: true }).refine(notYearZero, `must be a date ${DATE_RANGE}`)], {
    message: `must be a real calendar date (YYYY-MM-DD) or an ISO timestamp, ${DATE_RANGE}`,
  })
  .transform((s) => s.slice(0, 10));

/** A month "YYYY-MM", years 1 to 9999. */
export const IsoMonth = z.string().regex(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/, "must be a month such as 2024-03, between 0001-01 and 9999-12");
