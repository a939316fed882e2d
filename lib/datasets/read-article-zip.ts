// Articles from a zip of .txt, .md and .html files, one article per file, all
// from the source named in the form. Sizes are checked against the entries'
// declared sizes before anything is inflated, so a zip bomb costs nothing;
// the entries are inflated inside the import job, a batch at a time.
import { unzip, unzipSync, type Unzipped } from "fflate";
import { AppError } from "../errors";
import { articleRecord } from "./article-fields";
import { readHtml, readHtmlInPieces } from "./html-to-text";
import type { ImportRecord, OpenedImport } from "./import-records";
import { yieldToRequests } from "./time-slices";

const MAX_ENTRY_BYTES = 5 * 1024 * 1024;
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
const TEXT_FILE = /\.(txt|md|markdown|html?|xhtml)$/i;

const baseName = (path: string) => path.split("/").pop() ?? path;
const stem = (path: string) => baseName(path).replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").trim();
const isJunk = (path: string) => path.endsWith("/") || path.startsWith("__MACOSX/") || baseName(path).startsWith(".");

const isHtml = (path: string) => /\.x?html?$/i.test(path);
const isMarkdown = (path: string) => /\.(md|markdown)$/i.test(path);

/**
 * A first line "# Heading" (after an optional BOM) as the title, and the text
 * after it. Found with indexOf rather than /^#\s+(.+)\n/, which backtracks
 * quadratically over a long run of spaces.
 */
function markdownHeading(content: string): { title: string; text: string } | null {
  const start = content.startsWith("\uFEFF#") ? 2 : content.startsWith("#") ? 1 : 0;
  const lineEnd = content.indexOf("\n", start);
  if (start === 0 || lineEnd === -1 || !/^[ \t]/.test(content.slice(start, start + 1))) return null;
  const title = content.slice(start, lineEnd).trim();
  return title ? { title, text: content.slice(lineEnd + 1) } : null;
}

const plainText = (path: string, content: string) => (isMarkdown(path) ? markdownHeading(content) : null) ?? { title: stem(path), text: content.replace(/^\uFEFF/, "") };

/** Title and text of one file: HTML reduced to text, a leading "# Heading" in Markdown taken as the title. */
export function articleFromFile(path: string, content: string): { title: string; text: string } {
  if (!isHtml(path)) return plainText(path, content);
  const html = readHtml(content);
  return { title: html.title ?? stem(path), text: html.text };
}

/** articleFromFile that yields to other requests while a large HTML file is parsed. */
async function articleFromFileInSlices(path: string, content: string): Promise<{ title: string; text: string }> {
  if (!isHtml(path)) return plainText(path, content);
  const html = await readHtmlInPieces(content, yieldToRequests);
  return { title: html.title ?? stem(path), text: html.text };
}

/** Entries are inflated this many bytes at a time, inside the job, between turns for other requests. */
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_ENTRIES = 256;

/** Names and declared sizes of the text entries, read from the central directory without inflating anything. */
function listEntries(bytes: Uint8Array): Map<string, number> {
  const sizes = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (!isJunk(file.name) && TEXT_FILE.test(file.name)) sizes.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The file is not a readable zip archive: ${(error as Error).message}`);
  }
  return sizes;
}

/**
 * fflate's asynchronous unzip inflates entries over 512 KB in a worker
 * thread (a 4 MB entry took 60–200 ms on the event loop) and smaller ones
 * at once, which is quick.
 */
function inflateAsync(bytes: Uint8Array, names: Set<string>): Promise<Unzipped> {
  return new Promise((resolve, reject) => unzip(bytes, { filter: (file) => names.has(file.name) }, (error, files) => (error ? reject(error) : resolve(files))));
}

/** The named entries, inflated in batches of about BATCH_BYTES. */
async function* inflateInBatches(bytes: Uint8Array, names: string[], sizes: Map<string, number>): AsyncGenerator<[string, Uint8Array]> {
  for (let i = 0; i < names.length; ) {
    const batch = new Set<string>();
    let batchBytes = 0;
    while (i < names.length && batch.size < BATCH_ENTRIES && (batch.size === 0 || batchBytes + sizes.get(names[i]!)! <= BATCH_BYTES)) {
      batchBytes += sizes.get(names[i]!)!;
      batch.add(names[i++]!);
    }
    await yieldToRequests();
    const files = await inflateAsync(bytes, batch);
    for (const name of batch) yield [name, files[name] ?? new Uint8Array(0)];
  }
}

export function openArticleZip(bytes: Uint8Array, sourceName: string | undefined): OpenedImport {
  if (!sourceName) throw new AppError("INVALID_INPUT", "A zip of text files needs a source name (the form field \"source\").", { source: "required for zip imports" });
  const sizes = listEntries(bytes);
  let total = 0;
  for (const size of sizes.values()) total += size;
  if (total > MAX_TOTAL_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The zip inflates to more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB of text.`);
  const names = [...sizes.keys()].filter((name) => sizes.get(name)! <= MAX_ENTRY_BYTES).sort();
  const oversized = [...sizes.keys()].filter((name) => sizes.get(name)! > MAX_ENTRY_BYTES).sort();
  if (names.length === 0 && oversized.length === 0) throw new AppError("INVALID_INPUT", "The zip contains no .txt, .md or .html files.");

  async function* records(): AsyncGenerator<ImportRecord> {
    let line = 0;
    for await (const [name, data] of inflateInBatches(bytes, names, sizes)) {
      line++;
      let content: string;
      try {
        content = new TextDecoder("utf-8", { fatal: true }).decode(data);
      } catch {
        yield { ok: false, line, reason: `${name}: not UTF-8 text` };
        continue;
      }
      const { title, text } = await articleFromFileInSlices(name, content);
      const record = articleRecord(line, { title, source: { name: sourceName }, text });
      yield record.ok ? record : { ...record, reason: `${name}: ${record.reason}` };
    }
    for (const name of oversized) yield { ok: false, line: ++line, reason: `${name}: larger than ${MAX_ENTRY_BYTES / 1024 / 1024} MB` };
  }
  return { total: names.length + oversized.length, records: records() };
}
