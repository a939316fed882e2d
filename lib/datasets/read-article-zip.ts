// Articles from a zip of .txt, .md and .html files, one article per file, all
// from the source named in the form. Sizes are checked against the entries'
// declared sizes before anything is inflated, so a zip bomb costs nothing.
import { unzipSync } from "fflate";
import { AppError } from "../errors";
import { articleRecord } from "./article-fields";
import { htmlTitle, htmlToText } from "./html-to-text";
import type { ImportRecord, OpenedImport } from "./import-records";

const MAX_ENTRY_BYTES = 5 * 1024 * 1024;
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
const TEXT_FILE = /\.(txt|md|markdown|html?|xhtml)$/i;

const baseName = (path: string) => path.split("/").pop() ?? path;
const stem = (path: string) => baseName(path).replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").trim();
const isJunk = (path: string) => path.endsWith("/") || path.startsWith("__MACOSX/") || baseName(path).startsWith(".");

/** Title and text of one file: HTML reduced to text, a leading "# Heading" in Markdown taken as the title. */
export function articleFromFile(path: string, content: string): { title: string; text: string } {
  if (/\.x?html?$/i.test(path)) return { title: htmlTitle(content) ?? stem(path), text: htmlToText(content) };
  const heading = /\.(md|markdown)$/i.test(path) ? /^\uFEFF?#\s+(.+)\n/.exec(content) : null;
  if (heading) return { title: heading[1]!.trim(), text: content.slice(heading[0].length) };
  return { title: stem(path), text: content.replace(/^\uFEFF/, "") };
}

export function openArticleZip(bytes: Uint8Array, sourceName: string | undefined): OpenedImport {
  if (!sourceName) throw new AppError("INVALID_INPUT", "A zip of text files needs a source name (the form field \"source\").", { source: "required for zip imports" });
  const oversized: string[] = [];
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (isJunk(file.name) || !TEXT_FILE.test(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_ENTRY_BYTES) oversized.push(file.name);
        return file.originalSize <= MAX_ENTRY_BYTES && total <= MAX_TOTAL_BYTES;
      },
    });
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The file is not a readable zip archive: ${(error as Error).message}`);
  }
  if (total > MAX_TOTAL_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The zip inflates to more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB of text.`);
  const names = Object.keys(files).sort();
  if (names.length === 0 && oversized.length === 0) throw new AppError("INVALID_INPUT", "The zip contains no .txt, .md or .html files.");
  const entries = [...names, ...oversized];

  async function* records(): AsyncGenerator<ImportRecord> {
    for (const [i, name] of entries.entries()) {
      const line = i + 1;
      const data = files[name];
      if (!data) {
        yield { ok: false, line, reason: `${name}: larger than ${MAX_ENTRY_BYTES / 1024 / 1024} MB` };
        continue;
      }
      let content: string;
      try {
        content = new TextDecoder("utf-8", { fatal: true }).decode(data);
      } catch {
        yield { ok: false, line, reason: `${name}: not UTF-8 text` };
        continue;
      }
      const { title, text } = articleFromFile(name, content);
      const record = articleRecord(line, { title, source: { name: sourceName }, text });
      yield record.ok ? record : { ...record, reason: `${name}: ${record.reason}` };
    }
  }
  return { total: entries.length, records: records() };
}
