import { trimSpacesAndTabsEnd } from "./whitespace";

/**
 * The canonical form of an article body: Unicode NFC, "\n" line ends, no
 * trailing spaces on lines, at most one blank line between paragraphs, no
 * leading or trailing blank lines. Offsets are only stable if every path that
 * stores a body (form, API, import, seed) goes through this one function.
 * Written as one pass over the lines: the regular expressions it replaces
 * took quadratic time on long runs of spaces (see whitespace.ts).
 */
export function normalizeBody(text: string): string {
  const lines = text.normalize("NFC").replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  let blankBefore = false;
  for (const raw of lines) {
    const line = trimSpacesAndTabsEnd(raw);
    if (line === "") {
      blankBefore = kept.length > 0;
      continue;
    }
    if (blankBefore) kept.push("");
    kept.push(line);
    blankBefore = false;
  }
  // Trailing whitespace of any kind (as String.prototype.trimEnd and /\s/ define it) goes.
  return kept.join("\n").trimEnd();
}

const WORD = /[\p{L}\p{N}]+(?:[’'\-][\p{L}\p{N}]+)*/gu;

/** Words as a reader counts them: letters/digits, keeping "al-Bab" and "Turkey’s" whole. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "source";
}
