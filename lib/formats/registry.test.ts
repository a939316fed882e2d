import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportFormats, FormatError, isExportFormatKey, type ExportFormatKey } from "./index";
import { ANNOTATIONS_ONLY, ARTICLE, collectBytes, EMPTY_ARTICLE, OPTIONS, streamOf } from "./testing/fixtures";

const keys = Object.keys(exportFormats) as ExportFormatKey[];

describe("exportFormats", () => {
  it("lists the six formats", () => {
    expect(keys).toEqual(["jsonl", "csv", "w3c", "brat", "conll", "labelstudio"]);
  });

  it.each(keys)("%s: writes something parseable, deterministically", async (key) => {
    const { write, contentType } = exportFormats[key];
    const first = await collectBytes(write(streamOf([ARTICLE, EMPTY_ARTICLE]), OPTIONS));
    const second = await collectBytes(write(streamOf([ARTICLE, EMPTY_ARTICLE]), OPTIONS));
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    if (contentType === "application/zip") expect(Object.keys(unzipSync(first)).length).toBeGreaterThan(0);
    else expect(new TextDecoder("utf-8", { fatal: true }).decode(first)).toContain(key === "conll" ? "👍🏽" : "so-called");
  });

  it.each(keys)("%s: annotationsOnly is supported or refused with a FormatError, as the table says", async (key) => {
    const { write, supportsAnnotationsOnly } = exportFormats[key];
    const run = collectBytes(write(streamOf([ARTICLE]), ANNOTATIONS_ONLY));
    if (supportsAnnotationsOnly) {
      const bytes = await run;
      const text = key === "brat" ? Object.values(unzipSync(bytes)).map((b) => new TextDecoder().decode(b)).join("\n") : new TextDecoder().decode(bytes);
      // The quotes are there, the full text is not (raw, or escaped as in JSON).
      expect(text).toContain("so-called");
      expect(text).not.toContain(ARTICLE.text);
      expect(text).not.toContain(JSON.stringify(ARTICLE.text).slice(1, -1));
    } else {
      await expect(run).rejects.toBeInstanceOf(FormatError);
    }
  });

  it.each([
    ["jsonl", true],
    ["labelstudio", true],
    ["toString", false],
    ["xml", false],
  ])("isExportFormatKey(%j) is %s", (key, expected) => {
    expect(isExportFormatKey(key)).toBe(expected);
  });
});
