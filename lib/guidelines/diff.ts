import { diffLines } from "diff";

// The difference between two guideline versions, line by line (jsdiff's
// Myers diff, docs/decisions/0022), as the rows the diff view shows and the
// counts its summary states. Pure.

export type DiffLine = { kind: "added" | "removed" | "same"; text: string };
export type GuidelineDiff = { lines: DiffLine[]; added: number; removed: number };

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  // jsdiff keeps each line's "\n": the last piece after it is empty.
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * Line endings are normalised first, and the text ends with one: a version saved from another
 * system does not read as wholly rewritten, nor a last line as changed when text follows it.
 */
export function guidelineDiff(from: string, to: string): GuidelineDiff {
  const normal = (s: string) => {
    const text = s.replace(/\r\n?/g, "\n");
    return text === "" || text.endsWith("\n") ? text : `${text}\n`;
  };
  const lines: DiffLine[] = [];
  for (const part of diffLines(normal(from), normal(to))) {
    const kind = part.added ? "added" : part.removed ? "removed" : "same";
    for (const text of splitLines(part.value)) lines.push({ kind, text });
  }
  return { lines, added: lines.filter((l) => l.kind === "added").length, removed: lines.filter((l) => l.kind === "removed").length };
}

export type DiffRow = DiffLine | { kind: "skipped"; count: number };

/** The changed lines with `context` unchanged lines around each change; longer unchanged runs become one "skipped" row. */
export function withContext(lines: readonly DiffLine[], context = 2): DiffRow[] {
  const near = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.kind === "same") return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) near[j] = true;
  });
  const rows: DiffRow[] = [];
  lines.forEach((line, i) => {
    if (near[i]) rows.push(line);
    else {
      const last = rows.at(-1);
      if (last?.kind === "skipped") last.count++;
      else rows.push({ kind: "skipped", count: 1 });
    }
  });
  return rows;
}
