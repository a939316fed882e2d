import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { ImportRecord } from "./import-records";
import { detectFormat, openImport } from "./open-import";
import { articleFromFile } from "./read-article-zip";

const bytes = (s: string) => new TextEncoder().encode(s);
async function records(file: Parameters<typeof openImport>[0]): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const r of (await openImport(file)).records) out.push(r);
  return out;
}

describe("detectFormat", () => {
  it.each([
    ["a.jsonl", "{}", "jsonl"],
    ["a.ndjson", "{}", "jsonl"],
    ["a.csv", "x", "csv"],
    ["a.jsonld", "{}", "w3c"],
    ["a.json", '{"@context":"http://www.w3.org/ns/anno.jsonld"}', "w3c"],
    ["a.json", '[{"data":{"text":"t"}}]', "labelstudio"],
    ["a.txt", "x", null],
  ])("%s %s → %s", (name, content, format) => {
    expect(detectFormat(name, bytes(content))).toBe(format);
  });

  it("recognizes a zip by its bytes whatever it is called", () => {
    expect(detectFormat("upload", zipSync({ "a.txt": strToU8("x") }))).toBe("zip");
  });
});

describe("openImport", () => {
  it("reads article CSV rows with their starting line numbers, a multi-line body included", async () => {
    const csv = 'title,source,body\nA,S,"one\ntwo"\n,S,no title\nC,S,three';
    const result = await records({ bytes: bytes(csv), filename: "a.csv", kind: "articles", baseUrl: "http://x" });
    expect(result.map((r) => [r.line, r.ok])).toEqual([[2, true], [4, false], [5, true]]);
  });

  it("refuses formats a kind cannot use, and a zip without a source name", async () => {
    await expect(openImport({ bytes: bytes("[]"), filename: "a.json", kind: "articles", baseUrl: "http://x" })).rejects.toThrow(/cannot be imported as articles/);
    await expect(openImport({ bytes: zipSync({ "a.txt": strToU8("x") }), filename: "a.zip", kind: "articles", baseUrl: "http://x" })).rejects.toThrow(/source name/);
  });

  it("takes Markdown headings and HTML titles as article titles", () => {
    expect(articleFromFile("dir/story_one.txt", "Body")).toEqual({ title: "story one", text: "Body" });
    expect(articleFromFile("a.md", "# Heading\nBody")).toEqual({ title: "Heading", text: "Body" });
    expect(articleFromFile("a.md", "\uFEFF#  Heading \r\nBody")).toEqual({ title: "Heading", text: "Body" });
    expect(articleFromFile("a.md", "#hashtag\nBody")).toEqual({ title: "a", text: "#hashtag\nBody" });
    expect(articleFromFile("a.html", "<title>T</title><p>B</p>")).toEqual({ title: "T", text: "B" });
  });

  // /^#\s+(.+)\n/ backtracked quadratically here (5.9 s at 60,000 spaces, so about
  // a minute at 180,000); the 10 s ceiling is the failure signal, with room for a busy machine.
  it("reads a Markdown file that starts with a long run of spaces in linear time", () => {
    const content = `#${" ".repeat(180_000)}`;
    expect(articleFromFile("a.md", content)).toEqual({ title: "a", text: content });
  }, 10_000);
});
