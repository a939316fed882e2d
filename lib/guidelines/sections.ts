// The per-label sections of the guideline (docs/decisions/0022): a level-2
// heading that names a label, by its name or its key ("## Loaded language",
// "## loaded_language"), starts that label's section, which runs to the next
// heading of level 1 or 2. Headings inside fenced code blocks do not count.
// Pure: the article page, the annotator and the guideline page all use it.

export type LabelRef = { key: string; name: string };

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Case, spacing, underscores, hyphens and inline code marks aside: "Loaded_language" and "`loaded language`" are one name. */
export function headingKey(text: string): string {
  return text
    .replace(/[`*_]+/g, " ")
    .replace(/[-\s]+/g, " ")
    .trim()
    .toLowerCase();
}

type Heading = { line: number; level: number; text: string };

function headings(lines: readonly string[]): Heading[] {
  const found: Heading[] = [];
  let fence: string | null = null;
  lines.forEach((line, index) => {
    const opener = FENCE.exec(line)?.[1];
    if (opener) {
      if (fence === null) fence = opener;
      else if (opener[0] === fence[0] && opener.length >= fence.length) fence = null;
      return;
    }
    if (fence !== null) return;
    const match = HEADING.exec(line);
    if (match?.[1] && match[2] !== undefined) found.push({ line: index, level: match[1].length, text: match[2] });
  });
  return found;
}

/**
 * Each label's section body (Markdown, without its heading, trimmed), by label
 * key. A label without a section is absent; when two sections name the same
 * label, the first one counts.
 */
export function labelSections(markdown: string, labels: readonly LabelRef[]): Record<string, string> {
  const byName = new Map<string, string>();
  for (const label of labels) {
    for (const name of [label.name, label.key]) {
      const key = headingKey(name);
      if (key && !byName.has(key)) byName.set(key, label.key);
    }
  }
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const all = headings(lines);
  const sections: Record<string, string> = {};
  all.forEach((heading, i) => {
    if (heading.level !== 2) return;
    const labelKey = byName.get(headingKey(heading.text));
    if (!labelKey || labelKey in sections) return;
    const end = all.slice(i + 1).find((h) => h.level <= 2)?.line ?? lines.length;
    const body = lines.slice(heading.line + 1, end).join("\n").trim();
    if (body) sections[labelKey] = body;
  });
  return sections;
}
