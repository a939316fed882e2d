// Whitespace trimming written as plain loops. V8's regular expressions
// backtrack: /[ \t]+$/ retried from every space of a long run of spaces that
// is followed by text costs the square of the run's length (a crafted 500 KB
// article body blocked the server for more than a minute), so text a user
// sends is never trimmed by a pattern anchored at an end.

const isSpaceOrTab = (code: number) => code === 0x20 || code === 0x09;
const isAsciiWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

function trimEndWhere(text: string, drop: (code: number) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

function trimWhere(text: string, drop: (code: number) => boolean): string {
  let start = 0;
  while (start < text.length && drop(text.charCodeAt(start))) start++;
  return trimEndWhere(text.slice(start), drop);
}

const isLineSeparator = (code: number) => code === 0x2028 || code === 0x2029;

/**
 * Drops spaces and tabs at the end of a line, and before each U+2028/U+2029
 * inside it (JavaScript's line terminators besides CR and LF). One pass:
 * each run of spaces is looked at once.
 */
export function trimSpacesAndTabsEnd(line: string): string {
  let out = "";
  let copiedTo = 0;
  for (let i = 0; i < line.length; ) {
    if (!isSpaceOrTab(line.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < line.length && isSpaceOrTab(line.charCodeAt(end))) end++;
    if (end === line.length || isLineSeparator(line.charCodeAt(end))) {
      out += line.slice(copiedTo, i);
      copiedTo = end;
    }
    i = end;
  }
  return copiedTo === 0 ? line : out + line.slice(copiedTo);
}

/** Drops spaces, tabs, CR and LF at both ends (what PostgreSQL's btrim(x, E' \t\r\n') drops). */
export const trimAsciiWhitespace = (text: string) => trimWhere(text, isAsciiWhitespace);

/** Drops spaces only at both ends. */
export const trimSpaces = (text: string) => trimWhere(text, (code) => code === 0x20);
