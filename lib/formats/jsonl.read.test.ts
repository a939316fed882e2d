import { describe, expect, it } from "vitest";
import { readAnnotation } from "./annotation.read";
import { CodePointIndex } from "../spans/offsets";
import { readJsonlForImport } from "./jsonl.read";
import { collect } from "./testing/fixtures";

const text = new CodePointIndex("Intro 👍🏽 the minister said the plan works.");

describe("readAnnotation", () => {
  it("needs only label, quote and (with a text) start and end; the rest defaults", () => {
    expect(readAnnotation({ start: 13, end: 21, label: "claim", quote: "minister" }, text)).toEqual({
      ok: true,
      annotation: { id: null, label: "claim", start: 13, end: 21, quote: "minister", prefix: null, suffix: null, note: null, attributes: {}, annotator: null, gold: false, createdAt: null, updatedAt: null, guidelineVersion: null },
    });
  });

  it("keeps the guideline version a file gives (decision 0022); refuses one that is not a version number", () => {
    expect(readAnnotation({ label: "claim", quote: "minister", guidelineVersion: 3 }, null)).toMatchObject({ ok: true, annotation: { guidelineVersion: 3 } });
    expect(readAnnotation({ label: "claim", quote: "minister", guidelineVersion: 0 }, null)).toMatchObject({ ok: false });
  });

  it("accepts UTF-16 offsets when only they give the quote, and converts them to code points", () => {
    const result = readAnnotation({ start: 15, end: 23, label: "claim", quote: "minister" }, text);
    expect(result).toMatchObject({ ok: true, annotation: { start: 13, end: 21 } });
  });

  it("reads an annotator given as an email, an id, or an object", () => {
    const annotatorOf = (annotator: unknown) => {
      const r = readAnnotation({ label: "claim", quote: "x", annotator }, null);
      return r.ok ? r.annotation.annotator : r.reason;
    };
    expect(annotatorOf("Ana@Example.org")).toEqual({ id: null, name: null, email: "ana@example.org" });
    expect(annotatorOf("annotator-1a2b")).toEqual({ id: "annotator-1a2b", name: null, email: null });
    expect(annotatorOf({ id: 7, name: "Ana" })).toEqual({ id: "7", name: "Ana", email: null });
    expect(annotatorOf({})).toMatch(/annotator/);
  });

  it.each([
    [{ start: 13, end: 21, label: "claim", quote: "minster" }, 'quote "minster" is not the text at 13–21 (found "minister")'],
    [{ start: 13, end: 99, label: "claim", quote: "minister" }, "the range [13, 99) is outside the article text [0, 42)"],
    [{ start: 21, end: 13, label: "claim", quote: "minister" }, "end (13) is before start (21)"],
    [{ start: 13, label: "claim", quote: "minister" }, "start is given without end"],
    [{ start: 13, end: 21, quote: "minister" }, "label is missing"],
    [{ start: "13", end: 21, label: "claim", quote: "minister" }, "start should be a number, not text"],
    [{ start: 13, end: 21, label: "claim", quote: "minister", gold: "yes" }, "gold should be true or false, not text"],
  ])("gives one readable reason for %j", (input, reason) => {
    expect(readAnnotation(input, text)).toEqual({ ok: false, reason });
  });

  it("reads a span's review, gold provenance and comments as exported, or hand-written with the importer as the person", () => {
    const base = { start: 13, end: 21, label: "claim", quote: "minister" };
    const reviewer = { id: "u-1", name: "Rita" };
    const exported = readAnnotation({ ...base, review: { decision: "REJECTED", reason: "no", reviewer, at: "2024-03-05T09:00:00.000Z" }, goldFrom: ["a-1", 2], comments: [{ id: "c-1", author: reviewer, body: "Why?", createdAt: "2024-03-05T09:01:00.000Z" }] }, text);
    expect(exported.ok && exported.annotation.record).toEqual({
      review: { decision: "REJECTED", reason: "no", reviewer: { id: "u-1", name: "Rita", email: null }, at: "2024-03-05T09:00:00.000Z" },
      goldFrom: ["a-1", "2"],
      comments: [{ id: "c-1", author: { id: "u-1", name: "Rita", email: null }, body: "Why?", createdAt: "2024-03-05T09:01:00.000Z" }],
    });
    const handWritten = readAnnotation({ ...base, review: { decision: "ACCEPTED" }, comments: ["Looks right", { body: "Agreed", author: "Rita@Example.org" }] }, text);
    expect(handWritten.ok && handWritten.annotation.record).toEqual({
      review: { decision: "ACCEPTED", reason: null, reviewer: null, at: null },
      goldFrom: [],
      comments: [{ id: null, author: null, body: "Looks right", createdAt: null }, { id: null, author: { id: null, name: null, email: "rita@example.org" }, body: "Agreed", createdAt: null }],
    });
    expect(readAnnotation(base, text)).toMatchObject({ ok: true, annotation: expect.not.objectContaining({ record: expect.anything() }) });
    expect(readAnnotation({ ...base, review: { decision: "maybe" } }, text)).toEqual({ ok: false, reason: expect.stringMatching(/^review\.decision/) });
  });

  it("cuts long quotes in messages", () => {
    const long = new CodePointIndex("a".repeat(100));
    const r = readAnnotation({ start: 0, end: 60, label: "claim", quote: "b".repeat(60) }, long);
    expect(!r.ok && r.reason).toBe(`quote "${"b".repeat(39)}…" is not the text at 0–60 (found "${"a".repeat(39)}…")`);
  });
});

describe("readJsonlForImport", () => {
  it("reads a minimal line, a source given as a string, and ignores fields it does not know", async () => {
    const line = JSON.stringify({ title: "T", source: "Example Times", text: "The plan works.", reviewDecisions: [], annotations: [{ start: 4, end: 8, label: "claim", quote: "plan", comments: ["x"] }] });
    const [result] = await collect(readJsonlForImport(line));
    expect(result).toMatchObject({ ok: true, line: 1, article: { id: null, title: "T", source: { id: null, name: "Example Times", slug: null }, text: "The plan works.", contentHash: null } });
    expect(result?.ok && result.article.annotations).toEqual([{ ok: true, annotation: expect.objectContaining({ start: 4, end: 8, quote: "plan" }) }]);
  });

  it("keeps the line when one annotation is bad, and reports lines that are not objects", async () => {
    const good = { start: 4, end: 8, label: "claim", quote: "plan" };
    const results = await collect(readJsonlForImport([JSON.stringify({ title: "T", source: "S", text: "The plan works.", annotations: [good, { ...good, quote: "work" }] }), "[1, 2]", "{nope"]));
    expect(results[0]?.ok && results[0].article.annotations.map((a) => a.ok)).toEqual([true, false]);
    expect(results.slice(1)).toEqual([
      { ok: false, line: 2, error: "each line must be a JSON object (one article)" },
      { ok: false, line: 3, error: expect.stringMatching(/^not valid JSON/) },
    ]);
  });
});
