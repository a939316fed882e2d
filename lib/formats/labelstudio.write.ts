// Label Studio JSON: an array of tasks to import into a project whose labeling
// config is labelStudioConfig() — a <Text name="text"> and <Labels name="label">.
// One task per article; one Label Studio annotation per (annotator, gold)
// group, since a Label Studio annotation is one person's submission.
//
// Offsets. Label Studio's editor used to store UTF-16 offsets (issue
// HumanSignal/label-studio#1347: one off per emoji before a span). That was
// fixed (label-studio-frontend#308): the current editor counts code points —
// web/libs/editor/src/utils/selection-tools.js measures text nodes with
// [...textContent].length ("In python and other modern tools complex unicode
// symbols handled as code points ... js length should be converted to code
// points count") and RichText/domManager.ts builds its offsets from
// [...text]. So Slant's code point offsets are written unchanged by default;
// `offsetUnit: "utf16"` converts for Label Studio versions from before the fix.
// The reader accepts both (see labelstudio.read.ts).
//
// Label Studio's import ignores completed_by unless it names a user of the
// target instance (by email or id), so annotators go to task.meta.slant.annotators
// (meta is stored with the task), annotators[i] describing annotations[i].
// Notes become region meta text, Label Studio's per-region note.
// annotationsOnly is refused: a Label Studio task cannot be labeled without its text.
import { stringifyJson } from "./canonical-json";
import { CodePointIndex } from "../spans/offsets";
import { checkedArticle, FormatError, sortedAnnotations, type ExportArticle, type ExportOptions } from "./model";

export type LabelStudioOffsetUnit = "codepoint" | "utf16";
export type LabelStudioOptions = ExportOptions & { offsetUnit?: LabelStudioOffsetUnit };

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The labeling config the exported tasks expect (Settings → Labeling Interface → Code). */
export function labelStudioConfig(labels: readonly string[] = ["claim", "attribution", "loaded_language", "unverified"]): string {
  const options = labels.map((label) => `    <Label value="${escapeXml(label)}"/>`).join("\n");
  return `<View>\n  <Labels name="label" toName="text">\n${options}\n  </Labels>\n  <Text name="text" value="$text"/>\n</View>\n`;
}

export function labelStudioTask(article: ExportArticle, offsetUnit: LabelStudioOffsetUnit = "codepoint"): Record<string, unknown> {
  if (article.text === null) throw new FormatError(`Label Studio tasks need the article text, and article ${article.id} has none`);
  const text = new CodePointIndex(article.text);
  const offset = (cp: number) => (offsetUnit === "utf16" ? text.toUtf16(cp) : cp);
  const groups = new Map<string, { annotator: { id: string; name: string; gold: boolean }; result: Record<string, unknown>[] }>();
  for (const a of sortedAnnotations(article)) {
    const key = JSON.stringify([a.annotator.id, a.gold]);
    const group = groups.get(key) ?? { annotator: { id: a.annotator.id, name: a.annotator.name, gold: a.gold }, result: [] };
    groups.set(key, group);
    const region: Record<string, unknown> = {
      id: a.id,
      from_name: "label",
      to_name: "text",
      type: "labels",
      value: { start: offset(a.start), end: offset(a.end), text: text.slice(a.start, a.end), labels: [a.label] },
    };
    if (a.note) region.meta = { text: [a.note] };
    group.result.push(region);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
  return {
    data: {
      text: article.text,
      articleId: article.id,
      title: article.title,
      source: article.source.name,
      byline: article.byline,
      url: article.url,
      publishedAt: article.publishedAt,
      contentHash: article.contentHash,
    },
    meta: { slant: { annotators: ordered.map((g) => g.annotator) } },
    // ground_truth defaults to true on import, so it is always written.
    annotations: ordered.map((g) => ({ ground_truth: g.annotator.gold, was_cancelled: false, result: g.result })),
  };
}

export async function* writeLabelStudio(articles: AsyncIterable<ExportArticle>, options: LabelStudioOptions): AsyncGenerator<string> {
  if (options.annotationsOnly) throw new FormatError("Label Studio tasks cannot be exported without article text: annotators label the text itself");
  let first = true;
  for await (const article of articles) {
    yield `${first ? "[\n" : ",\n"}${stringifyJson(labelStudioTask(checkedArticle(article), options.offsetUnit))}`;
    first = false;
  }
  yield first ? "[]\n" : "\n]\n";
}
