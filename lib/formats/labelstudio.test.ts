import { describe, expect, it } from "vitest";
import { readLabelStudio } from "./labelstudio.read";
import { labelStudioConfig, writeLabelStudio, type LabelStudioOptions } from "./labelstudio.write";
import type { ExportArticle } from "./model";
import { ANNOTATIONS_ONLY, ARTICLE, collectText, EMPTY_ARTICLE, OPTIONS, streamOf } from "./testing/fixtures";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const write = (articles: ExportArticle[], options: LabelStudioOptions = OPTIONS) => collectText(writeLabelStudio(streamOf(articles), options));
const regions = (tasks: Json[]): Json[] => tasks.flatMap((t) => t.annotations.flatMap((a: Json) => a.result));

// How far each span's UTF-16 offsets lie beyond its code point offsets: "so-called" comes before any
// emoji; "regime" after 👍🏽 (2 code points, 4 UTF-16 units); "Some say" also after 👨‍👩‍👧 (5 and 8).
const UTF16_SHIFT = [
  ["a-01", 0],
  ["a-04", 2],
  ["a-11", 2 + 3],
] as const;

describe("writeLabelStudio", () => {
  it("writes one task per article with the text, metadata and one annotation per (annotator, gold)", async () => {
    const tasks: Json[] = JSON.parse(await write([ARTICLE, EMPTY_ARTICLE]));
    expect(tasks).toHaveLength(2);
    expect(tasks[0]!.data).toEqual({ text: ARTICLE.text, articleId: "art-0001", title: ARTICLE.title, source: "Al Mayadeen English", byline: ARTICLE.byline, url: ARTICLE.url, publishedAt: "2021-08-12", contentHash: ARTICLE.contentHash });
    expect(tasks[0]!.meta.slant.annotators).toEqual([
      { id: "user-analyst-1", name: "Analyst One", gold: false },
      { id: "user-reviewer", name: "Rév. Iewer", gold: false },
      { id: "user-reviewer", name: "Rév. Iewer", gold: true },
    ]);
    expect(tasks[0]!.annotations.map((a: Json) => [a.ground_truth, a.result.map((r: Json) => r.id)])).toEqual([
      [false, ["a-02", "a-01", "a-03", "a-07", "a-04", "a-08", "a-06", "a-10", "a-12"]],
      [false, ["a-09"]],
      [true, ["a-05", "a-11"]],
    ]);
    expect(tasks[1]).toMatchObject({ annotations: [], meta: { slant: { annotators: [] } } });
  });

  it("writes regions as Label Studio <Labels> results, notes as region meta", async () => {
    const [task] = JSON.parse(await write([ARTICLE]));
    expect(regions([task]).find((r) => r.id === "a-01")).toEqual({
      id: "a-01",
      from_name: "label",
      to_name: "text",
      type: "labels",
      value: { start: 18, end: 27, text: "so-called", labels: ["loaded_language"] },
      meta: { text: ['Scare qualifier,\t"so-called"\nsecond line'] },
    });
    expect(regions([task]).find((r) => r.id === "a-04")).not.toHaveProperty("meta"); // empty note
  });

  it("writes code point offsets by default: what Label Studio's editor counts ([...textContent])", async () => {
    const [task] = JSON.parse(await write([ARTICLE]));
    const chars = Array.from(task.data.text as string);
    for (const region of regions([task])) expect(chars.slice(region.value.start, region.value.end).join("")).toBe(region.value.text);
    for (const [id, shift] of UTF16_SHIFT) {
      const region = regions([task]).find((r) => r.id === id)!;
      const source = ARTICLE.annotations.find((a) => a.id === id)!;
      expect(region.value.start).toBe(source.start);
      // Read as UTF-16 indexes, the same numbers land earlier in the text once an emoji precedes the span.
      expect((task.data.text as string).slice(region.value.start, region.value.end) === region.value.text).toBe(shift === 0);
    }
  });

  it("writes UTF-16 offsets for old Label Studio versions when asked", async () => {
    const [task] = JSON.parse(await write([ARTICLE], { ...OPTIONS, offsetUnit: "utf16" }));
    for (const region of regions([task])) expect((task.data.text as string).slice(region.value.start, region.value.end)).toBe(region.value.text);
    for (const [id, shift] of UTF16_SHIFT) {
      const source = ARTICLE.annotations.find((a) => a.id === id)!;
      expect(regions([task]).find((r) => r.id === id)!.value.start - source.start).toBe(shift);
    }
  });

  it("refuses an annotations-only export", async () => {
    await expect(write([ARTICLE], ANNOTATIONS_ONLY)).rejects.toThrow("Label Studio tasks cannot be exported without article text");
  });

  it("writes an empty array for no articles", async () => {
    expect(await write([])).toBe("[]\n");
  });

  it("provides the matching labeling config", () => {
    expect(labelStudioConfig()).toBe(
      '<View>\n  <Labels name="label" toName="text">\n    <Label value="claim"/>\n    <Label value="attribution"/>\n    <Label value="loaded_language"/>\n    <Label value="unverified"/>\n  </Labels>\n  <Text name="text" value="$text"/>\n</View>\n',
    );
  });
});

describe("readLabelStudio", () => {
  const expectedSpans = ARTICLE.annotations.map((a) => ({ id: a.id, label: a.label, start: a.start, end: a.end, quote: a.quote, note: a.note || null, gold: a.gold, annotator: { ...a.annotator, email: null } }));

  it.each([
    ["code point", "codepoint"],
    ["UTF-16", "utf16"],
  ] as const)("reads %s offsets back as code points", async (_, offsetUnit) => {
    const [result] = readLabelStudio(await write([ARTICLE], { ...OPTIONS, offsetUnit }));
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.task.articleId).toBe("art-0001");
    expect(result.task.spans).toEqual(expect.arrayContaining(expectedSpans.map((span) => ({ ...span, offsetUnit: expect.any(String) }))));
    expect(result.task.spans).toHaveLength(expectedSpans.length);
    // Spans before the first emoji fit either unit and are read as code points.
    expect(result.task.spans.find((s) => s.id === "a-04")?.offsetUnit).toBe(offsetUnit);
  });

  it("reads a Label Studio export: numeric ids, completed_by, escaped newlines, several labels, other result types", () => {
    const text = "💩This is an\nannotation.";
    const exported = [
      {
        id: 7,
        data: { text },
        annotations: [
          {
            id: 3,
            completed_by: 1,
            ground_truth: false,
            result: [
              { id: "Bt9x", from_name: "label", to_name: "text", type: "labels", value: { start: 9, end: 22, text: "an\\nannotation", labels: ["claim", "unverified"] } },
              { id: "c1", from_name: "sentiment", to_name: "text", type: "choices", value: { choices: ["neutral"] } },
            ],
          },
        ],
      },
    ];
    const [result] = readLabelStudio(JSON.stringify(exported));
    expect(result).toEqual({
      ok: true,
      index: 0,
      task: {
        articleId: null,
        text,
        // One region, two labels: two spans, each with an id of its own (the external id a re-import recognises).
        spans: ["claim", "unverified"].map((label) => ({ id: `Bt9x#${label}`, label, start: 9, end: 22, quote: "an\nannotation", note: null, gold: false, annotator: { id: "1", name: "", email: null }, offsetUnit: "codepoint" })),
        rejected: [],
      },
    });
  });

  it("recognizes the UTF-16 offsets of issue #1347 (💩This is an annotation.)", () => {
    const task = { data: { text: "💩This is an annotation." }, annotations: [{ result: [{ id: "r", type: "labels", value: { start: 13, end: 23, text: "annotation", labels: ["claim"] } }] }] };
    const [result] = readLabelStudio(JSON.stringify([task]));
    expect(result?.ok && result.task.spans[0]).toMatchObject({ start: 12, end: 22, quote: "annotation", offsetUnit: "utf16" });
  });

  it.each([
    ["text that matches neither unit", { start: 1, end: 5, text: "nope", labels: ["claim"] }, /^value\.text does not match the task text at \[1, 5\)/],
    ["offsets outside the text", { start: 1, end: 99, labels: ["claim"] }, /^the range \[1, 99\) is outside the article text \[0, 23\)/],
    ["reversed offsets", { start: 5, end: 1, labels: ["claim"] }, /^end \(1\) is before start \(5\)/],
    ["no labels", { start: 0, end: 1, labels: [] }, /^labels: /],
  ])("rejects a region with %s and keeps the task's other regions", (_, value, reason) => {
    const good = { id: "g", type: "labels", value: { start: 1, end: 5, labels: ["claim"] } };
    const task = { data: { text: "💩This is an annotation." }, annotations: [{ result: [{ id: "r", type: "labels", value }, good] }] };
    const [result] = readLabelStudio(JSON.stringify([task]));
    expect(result).toMatchObject({ ok: true, index: 0, task: { spans: [{ id: "g", quote: "This" }], rejected: [{ id: "r", error: expect.stringMatching(reason) }] } });
  });

  it.each([
    ["a task without text", '[{"data": {}}]', /^data\.text is missing/],
    ["JSON that does not parse", "[", /^not valid JSON/],
    ["an object instead of a list of tasks", '{"tasks": [], "total": 0}', /^a Label Studio export is a JSON list of tasks .* but this file is an object with the fields tasks, total$/],
    ["a single task instead of a list", '{"data": {"text": "x"}}', /list of tasks/],
    ["an empty list", "[]", /^the list of tasks is empty/],
  ])("reports %s", (_, json, reason) => {
    expect(readLabelStudio(json)).toEqual([{ ok: false, index: expect.any(Number), error: expect.stringMatching(reason) }]);
  });
});
