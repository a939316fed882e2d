import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openImport, type ImportFile } from "./open-import";

/** How many times the event loop ran a timer while `work` ran: zero means it held the loop throughout. */
async function timerTurnsDuring(work: () => Promise<void>): Promise<number> {
  let turns = 0;
  const timer = setInterval(() => turns++, 0);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return turns;
}

const file = (filename: string, content: string | Uint8Array, extra: Partial<ImportFile> = {}): ImportFile => ({
  bytes: typeof content === "string" ? new TextEncoder().encode(content) : content,
  filename,
  kind: "articles",
  baseUrl: "http://x",
  ...extra,
});

async function readAll(f: ImportFile): Promise<{ total: number; records: number }> {
  const opened = await openImport(f);
  const total = typeof opened.total === "number" ? opened.total : await opened.total();
  let records = 0;
  for await (const record of opened.records) records += record ? 1 : 0;
  return { total, records };
}

describe("import readers work in slices", () => {
  it("opening a large CSV reads only its header; counting and parsing its rows let other work in", async () => {
    const csv = `title,source,body\n${"t,s,\n".repeat(200_000)}`;
    let result = { total: 0, records: 0 };
    const turns = await timerTurnsDuring(async () => {
      result = await readAll(file("big.csv", csv));
    });
    expect(result).toEqual({ total: 200_000, records: 200_000 });
    expect(turns).toBeGreaterThan(10);
  }, 60_000);

  it("a zip with a large HTML entry is parsed in pieces", async () => {
    const html = `<html><body>${"<p>Paragraph with <b>markup</b> &amp; entities.</p>".repeat(60_000)}</body></html>`;
    const zip = zipSync({ "story.html": strToU8(html) });
    let result = { total: 0, records: 0 };
    const turns = await timerTurnsDuring(async () => {
      result = await readAll(file("a.zip", zip, { source: "S" }));
    });
    expect(result).toEqual({ total: 1, records: 1 });
    expect(turns).toBeGreaterThan(3);
  }, 60_000);
});
