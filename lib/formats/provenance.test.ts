import { describe, expect, it } from "vitest";
import { readJsonl, writeJsonl } from "./jsonl";
import type { ExportArticle } from "./model";
import { ARTICLE, collect, collectText, OPTIONS, streamOf } from "./testing/fixtures";
import { isWellFormedArticle } from "./well-formed";

const REVIEWER = { id: "user-reviewer-1", name: "Reviewer One" };

/** The fixture with a rejected annotator span, a gold span adjudicated from two spans, and a comment thread. */
const RECORDED: ExportArticle = {
  ...ARTICLE,
  annotations: ARTICLE.annotations.map((a, i) => {
    if (i === 0) return { ...a, review: { decision: "REJECTED", reason: "Not loaded in context", reviewer: REVIEWER, at: "2024-03-05T09:00:00.000Z" } };
    if (i === 1) return { ...a, comments: [{ id: "c-1", author: REVIEWER, body: "Is this a claim or an attribution?", createdAt: "2024-03-05T09:01:00.000Z" }] };
    if (a.gold) return { ...a, goldFrom: ["a-01", "a-02"] };
    return a;
  }),
};

describe("review, gold provenance and comments in JSONL", () => {
  it("are written, and read back unchanged: write → read → write is byte-identical", async () => {
    expect(RECORDED.annotations.some((a) => a.gold && a.goldFrom)).toBe(true);
    const first = await collectText(writeJsonl(streamOf([RECORDED]), OPTIONS));
    const line = JSON.parse(first) as { annotations: Record<string, unknown>[] };
    const byId = new Map(line.annotations.map((a) => [a.id, a]));
    const rejected = RECORDED.annotations[0]!;
    expect(byId.get(rejected.id)?.review).toEqual({ decision: "REJECTED", reason: "Not loaded in context", reviewer: REVIEWER, at: "2024-03-05T09:00:00.000Z" });
    expect(byId.get(RECORDED.annotations[1]!.id)?.comments).toEqual([{ id: "c-1", author: REVIEWER, body: "Is this a claim or an attribution?", createdAt: "2024-03-05T09:01:00.000Z" }]);
    expect(line.annotations.filter((a) => a.goldFrom).every((a) => a.gold === true)).toBe(true);

    const read = await collect(readJsonl(first));
    expect(read.every((r) => r.ok)).toBe(true);
    const again = await collectText(writeJsonl(streamOf(read.flatMap((r) => (r.ok ? [r.article] : []))), OPTIONS));
    expect(again).toBe(first);
  });

  it("are optional: a record without them is written without them and still well formed", async () => {
    const plain = await collectText(writeJsonl(streamOf([ARTICLE]), OPTIONS));
    expect(plain).not.toMatch(/"review"|"goldFrom"|"comments"/);
    expect(isWellFormedArticle(RECORDED)).toBe(true);
    expect(isWellFormedArticle({ ...RECORDED, annotations: [{ ...RECORDED.annotations[0]!, review: { decision: "MAYBE" } }] })).toBe(false);
  });

  it("carry a person's email when the export has it, in a fixed place, and read back unchanged", async () => {
    const withEmail = { ...REVIEWER, email: "rita@example.org" };
    const emailed: ExportArticle = { ...RECORDED, annotations: RECORDED.annotations.map((a) => ({ ...a, annotator: { ...a.annotator, email: `${a.annotator.id}@example.org` }, ...(a.review && { review: { ...a.review, reviewer: withEmail } }) })) };
    expect(isWellFormedArticle(emailed)).toBe(true);
    const first = await collectText(writeJsonl(streamOf([emailed]), OPTIONS));
    expect(first).toContain('"reviewer":{"id":"user-reviewer-1","name":"Reviewer One","email":"rita@example.org"}');
    const read = await collect(readJsonl(first));
    expect(await collectText(writeJsonl(streamOf(read.flatMap((r) => (r.ok ? [r.article] : []))), OPTIONS))).toBe(first);
    const badEmail = { ...emailed, annotations: [{ ...emailed.annotations[0]!, annotator: { id: "u", name: "U", email: "not an email" } }] };
    expect(isWellFormedArticle(badEmail)).toBe(false);
  });
});
