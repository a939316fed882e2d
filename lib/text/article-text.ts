/**
 * The canonical form of an article body: Unicode NFC, "\n" line ends, no
 * trailing spaces on lines, at most one blank line between paragraphs, no
 * leading or trailing blank lines. Offsets are only stable if every path that
 * stores a body (form, API, import, seed) goes through this one function.
 */
export function normalizeBody(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\s+$/g, "");
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
