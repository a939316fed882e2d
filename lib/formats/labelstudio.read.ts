// Reads Label Studio tasks (this module's export, or a Label Studio JSON
// export) back into code point spans. Each region's offsets are checked
// against the task text: code points (current Label Studio) are taken as they
// are; UTF-16 offsets (Label Studio before label-studio-frontend#308, or other
// JavaScript tools) are recognized because only they reproduce value.text,
// and converted. Label Studio writes newlines inside value.text as "\n"
// escapes (a backslash and an n), which is accepted too.
import { z } from "zod";
import { rangeInEitherUnit } from "../spans/file-offsets";
import { CodePointIndex } from "../spans/offsets";
import { checkRangeOrder, checkRangeShape } from "../spans/validate";
import { readableIssue } from "./issues";
import type { LabelStudioOffsetUnit } from "./labelstudio.write";

export type LabelStudioSpan = {
  id: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  note: string | null;
  gold: boolean;
  annotator: { id: string; name: string; email: string | null } | null;
  /** The unit the file used; start/end above are always code points. */
  offsetUnit: LabelStudioOffsetUnit;
};
/** A region that could not be read: reported on its own, the task's other regions are kept. */
export type LabelStudioRejectedRegion = { id: string; error: string };
export type LabelStudioTaskRead = { articleId: string | null; text: string; spans: LabelStudioSpan[]; rejected: LabelStudioRejectedRegion[] };
export type LabelStudioReadResult = { ok: true; index: number; task: LabelStudioTaskRead } | { ok: false; index: number; error: string };

const Region = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  type: z.string(),
  value: z.looseObject({}),
  meta: z.looseObject({ text: z.array(z.string()).optional() }).optional(),
});
const LabelsValue = z.looseObject({ start: z.number().int().min(0), end: z.number().int().min(0), text: z.string().optional(), labels: z.array(z.string()).min(1) });
/** Label Studio writes completed_by as a user id, or (some exports) as the user: { id, email, first_name, last_name }. */
const CompletedBy = z.union([
  z.union([z.number(), z.string().min(1)]).transform((id) => ({ id: String(id), name: "", email: null })),
  z.looseObject({ id: z.union([z.number(), z.string()]), email: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional() }).transform((u) => ({
    id: String(u.id),
    name: [u.first_name, u.last_name].filter(Boolean).join(" ") || (u.email ?? ""),
    email: u.email?.includes("@") ? u.email.toLowerCase() : null,
  })),
]);
const Task = z.looseObject({
  data: z.looseObject({ text: z.string(), articleId: z.string().optional() }),
  meta: z.looseObject({ slant: z.looseObject({ annotators: z.array(z.object({ id: z.string(), name: z.string(), email: z.string().optional() })) }).optional() }).optional(),
  annotations: z.array(z.looseObject({ result: z.array(Region), ground_truth: z.boolean().optional(), completed_by: z.unknown().optional() })).default([]),
});

const sameText = (slice: string, reported: string) => slice === reported || slice.replace(/\r?\n/g, "\\n") === reported;

/** [start, end) in code points and the unit they were given in, or why they do not fit the text. */
function codePointRange(text: CodePointIndex, value: z.infer<typeof LabelsValue>): { start: number; end: number; unit: LabelStudioOffsetUnit } | string {
  const { start, end, text: reported } = value;
  const orderProblem = checkRangeOrder(start, end, "code points");
  if (orderProblem) return orderProblem.message;
  const range = rangeInEitherUnit(text, start, end, reported === undefined ? undefined : (found) => sameText(found, reported));
  if (range) return range;
  return reported === undefined
    ? (checkRangeShape(start, end, text.length, "code points")?.message ?? `[${start}, ${end}) is outside the text`)
    : `value.text does not match the task text at [${start}, ${end}), counted in code points or in UTF-16 units`;
}

function readTask(input: unknown): LabelStudioTaskRead | string {
  const parsed = Task.safeParse(input);
  if (!parsed.success) return readableIssue(parsed.error);
  const task = parsed.data;
  const text = new CodePointIndex(task.data.text);
  const spans: LabelStudioSpan[] = [];
  const rejected: LabelStudioRejectedRegion[] = [];
  task.annotations.forEach((annotation, i) => {
    const fromSlant = task.meta?.slant?.annotators[i];
    const completedBy = CompletedBy.safeParse(annotation.completed_by);
    const annotator = fromSlant ? { ...fromSlant, email: fromSlant.email ?? null } : completedBy.success ? completedBy.data : null;
    for (const region of annotation.result) {
      if (region.type !== "labels") continue; // choices, text areas, relations: not spans
      const value = LabelsValue.safeParse(region.value);
      const range = value.success ? codePointRange(text, value.data) : readableIssue(value.error);
      if (typeof range === "string" || !value.success) {
        rejected.push({ id: region.id, error: String(range) });
        continue;
      }
      const { labels } = value.data;
      for (const label of labels) {
        const note = region.meta?.text?.join("\n") ?? null;
        const quote = text.slice(range.start, range.end);
        // One region with several labels becomes one span per label, each with an id of its own.
        const id = labels.length > 1 ? `${region.id}#${label}` : region.id;
        spans.push({ id, label, start: range.start, end: range.end, quote, note, gold: annotation.ground_truth ?? false, annotator, offsetUnit: range.unit });
      }
    }
  });
  return { articleId: task.data.articleId ?? null, text: task.data.text, spans, rejected };
}

const kindOf = (value: unknown) => (value === null ? "null" : typeof value === "object" ? "an object" : typeof value);

/** A whole-file problem has index -1. */
export function readLabelStudio(json: string): LabelStudioReadResult[] {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    return [{ ok: false, index: -1, error: `not valid JSON: ${(error as Error).message}` }];
  }
  if (!Array.isArray(document)) {
    const keys = typeof document === "object" && document !== null ? Object.keys(document).slice(0, 5) : [];
    const has = keys.length ? ` with the fields ${keys.join(", ")}` : "";
    return [{ ok: false, index: -1, error: `a Label Studio export is a JSON list of tasks ([{ "data": { "text": … }, "annotations": […] }, …]), but this file is ${kindOf(document)}${has}` }];
  }
  if (document.length === 0) return [{ ok: false, index: -1, error: "the list of tasks is empty" }];
  return document.map((input, index) => {
    const task = readTask(input);
    return typeof task === "string" ? { ok: false, index, error: task } : { ok: true, index, task };
  });
}
