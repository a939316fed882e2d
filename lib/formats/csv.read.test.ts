import { describe, expect, it } from "vitest";
import { readAnnotationCsv } from "./csv.read";
import { collect } from "./testing/fixtures";

describe("readAnnotationCsv", () => {
  it("reads any subset of the export's columns in any order, one record per row", async () => {
    const csv = ["quote,label,article_title,annotator_email,note", "the plan,claim,Plan hailed,Ana@Example.org,", "'=SUM(A1),loaded_language,Plan hailed,,\"a note\""].join("\r\n");
    const rows = await collect(readAnnotationCsv(csv));
    expect(rows).toEqual([
      {
        ok: true,
        line: 2,
        target: { id: null, contentHash: null, text: null, title: "Plan hailed", sourceName: null },
        annotation: { ok: true, annotation: expect.objectContaining({ label: "claim", quote: "the plan", start: null, end: null, annotator: { id: null, name: null, email: "ana@example.org" } }) },
      },
      // The export's guard against spreadsheet formulas is undone on the way back in.
      expect.objectContaining({ ok: true, line: 3, annotation: { ok: true, annotation: expect.objectContaining({ quote: "=SUM(A1)", note: "a note" }) } }),
    ]);
  });

  it("reports a bad row on its own line and goes on", async () => {
    const csv = ["article_id,label,start,end,quote", "a1,claim,4,x,plan", "a1,claim,5,4,plan", "a1,claim,4,8,plan"].join("\n");
    const rows = await collect(readAnnotationCsv(csv));
    expect(rows.map((r) => r.ok && (r.annotation.ok || r.annotation.reason))).toEqual(["end should be a number, not text", "end (4) is before start (5)", true]);
  });

  it.each([
    ["title,label,quote", /unknown column title/],
    ["article_id,quote", /missing column label/],
    ["label,quote,start,end", /no column naming the article/],
  ])("refuses the header %s", async (header, reason) => {
    expect(await collect(readAnnotationCsv(`${header}\n`))).toEqual([{ ok: false, line: 1, error: expect.stringMatching(reason) }]);
  });
});
