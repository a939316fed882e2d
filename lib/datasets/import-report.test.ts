import { describe, expect, it } from "vitest";
import { addToReport, emptyReport, REPORT_LIST_LIMIT, reportCount, summarizeReport } from "./import-report";
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

describe("the article CSV's row count (the progress bar's total)", () => {
  it.each([
    ["title,source,body\na,b,c\n", 1],
    ["title,source,body\r\na,b,c\r\nd,e,f", 2],
    ["title,source,body\n\na,b,c\n\n\nd,e,f\n", 2],
    ['title,source,body\na,b,"two\nlines, and ""quotes""\n\nand a blank"\nd,e,f\n', 2],
    ['\uFEFFtitle,source,body\n"a","b","c"\n', 1],
    ["title,source,body\n", 0],
  ])("%j has %i rows, as the parser reads them", async (csv, rows) => {
    const opened = openArticleCsv(csv);
    let parsed = 0;
    for await (const record of opened.records) parsed += record ? 1 : 0;
    expect(parsed).toBe(rows);
    expect(typeof opened.total === "function" ? await opened.total() : opened.total).toBe(rows);
  });
});
