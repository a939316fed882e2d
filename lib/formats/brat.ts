// brat standoff, zipped: <article>.txt (the text) and <article>.ann (the
// annotations) per article, plus annotation.conf listing the labels so that
// brat shows the collection without further setup.
//
// Offsets: brat reads the .txt as a Python 3 str, so its offsets count code
// points — Slant's offsets are written unchanged. brat spans may not cross a
// line break, so a span containing "\n" becomes a discontinuous annotation
// ("T3\tclaim 120 131;133 141\t…") split at each newline; its text field is
// the fragments joined by a space, as brat writes them. A note becomes an
// AnnotatorNotes line; .ann is line-based, so newlines and tabs in notes turn
// into spaces (the JSONL export keeps them).
//
// annotationsOnly: brat cannot display annotations without their text, but
// the offsets are still meaningful against the article body (identified by
// its contentHash in the JSONL/CSV exports). We therefore write the .ann files
// only, omit every .txt, and add a README.md saying so.
import { Zip, ZipDeflate } from "fflate";
import { codePointLength } from "../spans/offsets";
import { checkedArticle, sortedAnnotations, type ExportAnnotation, type ExportArticle, type ExportOptions } from "./model";

// Zip entries carry a modification time; a fixed one keeps the archive byte-identical across runs.
// DOS timestamps are local wall-clock fields, so the date is built from local fields (in the
// current time zone, at each call), never from a UTC instant.
const fixedMtime = () => new Date(1980, 0, 1, 0, 0, 0);

const README_ANNOTATIONS_ONLY = `# Slant export (brat standoff, annotations only)

This archive was exported without article text, so it holds the .ann files only.
brat needs <article-id>.txt next to each <article-id>.ann: put the article body
(UTF-8, exactly as stored by Slant) there. Offsets count Unicode code points.
`;

/**
 * Article ids become file names. UUIDs pass unchanged; any other byte is written as _XX (hex of its
 * UTF-8), "_" included: injective (no two ids share a file), ASCII-only, and no "/" or leading "."
 * can escape the archive root.
 */
export function bratFileStem(articleId: string): string {
  let stem = "";
  for (const byte of new TextEncoder().encode(articleId)) {
    const char = String.fromCharCode(byte);
    stem += /[A-Za-z0-9-]/.test(char) ? char : `_${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return stem;
}

/** [start, end) fragments without line breaks; fragments that are only a newline disappear. */
export function bratFragments(a: ExportAnnotation): { start: number; end: number; text: string }[] {
  const fragments: { start: number; end: number; text: string }[] = [];
  let offset = a.start;
  for (const part of a.quote.split("\n")) {
    const length = codePointLength(part);
    if (length > 0) fragments.push({ start: offset, end: offset + length, text: part });
    offset += length + 1;
  }
  return fragments;
}

const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, " ");

export function bratAnn(article: ExportArticle): string {
  const lines: string[] = [];
  let t = 0;
  let note = 0;
  for (const a of sortedAnnotations(article)) {
    const fragments = bratFragments(a);
    if (fragments.length === 0) continue; // a span of newlines only has nothing brat can show
    const id = `T${++t}`;
    const ranges = fragments.map((f) => `${f.start} ${f.end}`).join(";");
    lines.push(`${id}\t${a.label} ${ranges}\t${oneLine(fragments.map((f) => f.text).join(" "))}`);
    if (a.note !== null && a.note !== "") lines.push(`#${++note}\tAnnotatorNotes ${id}\t${oneLine(a.note)}`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/** annotation.conf: every label seen, as an entity type; brat needs all four sections. */
function annotationConf(labels: Set<string>): string {
  return `[entities]\n${[...labels].sort().join("\n")}\n\n[relations]\n\n[events]\n\n[attributes]\n`;
}

export async function* writeBrat(articles: AsyncIterable<ExportArticle>, options: ExportOptions): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  // ZipDeflate compresses synchronously, so each push delivers its bytes before add() returns.
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  const encoder = new TextEncoder();
  const addFile = (name: string, content: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = fixedMtime(); // read by add() when it writes the entry header
    zip.add(file);
    file.push(encoder.encode(content), true);
  };
  function* drain() {
    if (failure) throw failure;
    yield* ready.splice(0);
  }

  const labels = new Set<string>();
  if (options.annotationsOnly) addFile("README.md", README_ANNOTATIONS_ONLY);
  for await (const input of articles) {
    const article = checkedArticle(input);
    const stem = bratFileStem(article.id);
    if (!options.annotationsOnly && article.text !== null) addFile(`${stem}.txt`, article.text);
    addFile(`${stem}.ann`, bratAnn(article));
    for (const a of article.annotations) labels.add(a.label);
    yield* drain();
  }
  addFile("annotation.conf", annotationConf(labels));
  zip.end();
  yield* drain();
}
