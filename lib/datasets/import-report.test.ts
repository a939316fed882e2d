import { describe, expect, it } from "vitest";
import { addToReport, emptyReport, REPORT_LIST_LIMIT, reportCount, summarizeReport } from "./import-report";
import { CreateArticleInput } from "../schemas/article";
import { articleRecord } from "./article-fields";
import { openArticleCsv } from "./read-article-csv";

describe("a rejected row is cheap", () => {
  it("past the listed ones, a row is only counted: its reason is never worded", async () => {
    const rows = REPORT_LIST_LIMIT + 500;
    const opened = openArticleCsv(`title,source,body\n${"t,s,\n".repeat(rows)}`);
    const report = emptyReport();
    let worded = 0;
    for await (const record of opened.records) {
      if (record.ok) continue;
      addToReport(report, "rejected", () => {
        worded++;
        return { line: record.line, reason: record.reason };
      });
    }
    expect(worded).toBe(REPORT_LIST_LIMIT);
    expect(report.rejected).toHaveLength(REPORT_LIST_LIMIT);
    expect(report.rejected[0]).toEqual({ line: 2, reason: "body: must not be empty" });
    expect(reportCount(report, "rejected")).toBe(rows);
    expect(report.omitted).toBe(500);
    expect(summarizeReport(report)).toContain(`${rows} rejected`);
  });

  it("a report stored before counts existed counts its lists", () => {
    const old = { ...emptyReport(), rejected: [{ line: 3, reason: "x" }] };
    delete old.counts;
    expect(reportCount(old, "rejected")).toBe(1);
  });
});

describe("the article CSV's rows: their lines and count (the progress bar's total)", () => {
  it.each([
    ["title,source,body\na,b,c\n", [2]],
    ["title,source,body\r\na,b,c\r\nd,e,f", [2, 3]],
    ["title,source,body\n\na,b,c\n\n\nd,e,f\n", [3, 6]],
    ['title,source,body\na,b,"two\nlines, and ""quotes""\n\nand a blank"\nd,e,f\n', [2, 6]],
    ['title,source,body\r\n"a","b","two\r\nlines"\r\nd,e,f\r\n', [2, 4]],
    ['\uFEFFtitle,source,body\n"a","b","c"\n', [2]],
    ["title,source,body\n", []],
  ])("%j: rows on lines %j, as the parser reads them", async (csv, lines) => {
    const opened = openArticleCsv(csv);
    const seen: number[] = [];
    for await (const record of opened.records) seen.push(record.line);
    expect(seen).toEqual(lines);
    expect(typeof opened.total === "function" ? await opened.total() : opened.total).toBe(lines.length);
  });
});

describe("a row with a blank required field is refused before validation, in the validator's words", () => {
  it.each([
    [{ title: "", source: { name: "S" }, text: "Body" }, "title: must not be empty"],
    [{ title: "T", source: { name: "  " }, text: "Body" }, "source: must not be empty"],
    [{ title: "T", source: { name: "S" }, text: " \n " }, "body: must not be empty"],
    [{ title: 7, source: { name: "S" }, text: "Body" }, "title should be text, not a number"],
    [{ title: "T", source: { name: undefined }, text: "Body" }, "source is not in a form Slant understands"],
  ])("%j: %s", (fields, reason) => {
    const record = articleRecord(4, fields, [], "body");
    expect(record).toMatchObject({ ok: false, line: 4 });
    expect(!record.ok && record.reason).toBe(reason);
    expect(CreateArticleInput.safeParse({ source: fields.source, title: fields.title, body: fields.text }).success).toBe(false);
  });
});
