import { unzipSync } from "fflate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bratFileStem, writeBrat } from "./brat";
import type { ExportArticle } from "./model";
import { ANNOTATIONS_ONLY, ARTICLE, collectBytes, EMPTY_ARTICLE, locate, OPTIONS, streamOf } from "./testing/fixtures";

const zipOf = async (articles: ExportArticle[], options = OPTIONS) => collectBytes(writeBrat(streamOf(articles), options));
const filesOf = async (articles: ExportArticle[], options = OPTIONS) => {
  const files = unzipSync(await zipOf(articles, options));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("writeBrat", () => {
  it("zips <id>.txt and <id>.ann per article, and annotation.conf", async () => {
    const files = await filesOf([ARTICLE, EMPTY_ARTICLE]);
    expect(Object.keys(files)).toEqual(["art-0001.txt", "art-0001.ann", "art-0002.txt", "art-0002.ann", "annotation.conf"]);
    expect(files["art-0001.txt"]).toBe(ARTICLE.text);
    expect(files["art-0002.ann"]).toBe("");
    expect(files["annotation.conf"]).toBe("[entities]\nattribution\nclaim\nloaded_language\nunverified\n\n[relations]\n\n[events]\n\n[attributes]\n");
  });

  it("writes code point offsets: every fragment is text[start:end] as brat (Python) reads it", async () => {
    const files = await filesOf([ARTICLE]);
    const chars = Array.from(files["art-0001.txt"]!);
    const spans = files["art-0001.ann"]!.split("\n").filter((l) => l.startsWith("T"));
    expect(spans).toHaveLength(ARTICLE.annotations.length);
    for (const line of spans) {
      const [, typeAndRanges, text] = line.split("\t");
      const fragments = typeAndRanges!.split(" ").slice(1).join(" ").split(";").map((r) => r.split(" ").map(Number) as [number, number]);
      expect(fragments.map(([s, e]) => chars.slice(s, e).join("")).join(" "), line).toBe(text);
    }
  });

  it.each([
    ["a span with emoji", "T1", `T1\tclaim 0 97\tSupporters of the so-called Turkish-backed National Army took to the streets on Friday 👍🏽 in Azaz`],
    ["a nested span", "T2", `T2\tloaded_language ${locate("so-called").start} ${locate("so-called").end}\tso-called`],
    ["a span across a paragraph break, split at the newlines", "T4", `T4\tclaim ${locate("the regime.").start} ${locate("the regime.").end};${locate("A family").start} ${locate("A family").end}\tthe regime. A family`],
    ["the ZWJ family emoji (5 code points)", "T6", `T6\tclaim ${locate("A family 👨‍👩‍👧").start} ${locate("A family 👨‍👩‍👧").start + 9 + 5 + 22}\tA family 👨‍👩‍👧 was seen waving flags`],
    ["RTL text", "T7", `T7\tunverified ${locate("لا للمصالحة").start} ${locate("لا للمصالحة").end}\tلا للمصالحة`],
  ])("writes %s", async (_, id, expected) => {
    const ann = (await filesOf([ARTICLE]))["art-0001.ann"]!;
    expect(ann.split("\n").find((l) => l.startsWith(`${id}\t`))).toBe(expected);
  });

  it("writes notes as AnnotatorNotes on one line, and skips empty notes", async () => {
    const notes = (await filesOf([ARTICLE]))["art-0001.ann"]!.split("\n").filter((l) => l.startsWith("#"));
    expect(notes).toEqual([
      '#1\tAnnotatorNotes T2\tScare qualifier, "so-called" second line',
      "#2\tAnnotatorNotes T4\tCrosses the paragraph break on purpose.",
      "#3\tAnnotatorNotes T7\tArabic: “no to reconciliation”",
    ]);
  });

  it("annotations only: .ann files and a README, no .txt", async () => {
    const files = await filesOf([ARTICLE, EMPTY_ARTICLE], ANNOTATIONS_ONLY);
    expect(Object.keys(files)).toEqual(["README.md", "art-0001.ann", "art-0002.ann", "annotation.conf"]);
    expect(files["README.md"]).toMatch(/without article text/);
    expect(files["art-0001.ann"]).toBe((await filesOf([ARTICLE]))["art-0001.ann"]);
  });

  it("is byte-identical whatever the clock or time zone", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-01-01T00:00:00Z"));
    vi.stubEnv("TZ", "UTC");
    const first = await zipOf([ARTICLE, EMPTY_ARTICLE]);
    vi.setSystemTime(new Date("2031-07-15T13:37:00Z"));
    vi.stubEnv("TZ", "Asia/Tokyo");
    const second = await zipOf([ARTICLE, EMPTY_ARTICLE]);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it("streams: yields bytes after each article, before the input ends", async () => {
    let released = false;
    async function* slow() {
      yield ARTICLE;
      await new Promise((resolve) => setTimeout(resolve, 0));
      released = true;
      yield EMPTY_ARTICLE;
    }
    const iterator = writeBrat(slow(), OPTIONS)[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(released).toBe(false);
  });

  it.each([
    ["art-0001", "art-0001"],
    ["0b9d6f2e-6c1a-4b8e-9a57-3f0c2d1e4a5b", "0b9d6f2e-6c1a-4b8e-9a57-3f0c2d1e4a5b"],
    ["../etc/passwd", "_2E_2E_2Fetc_2Fpasswd"],
    ["a_b", "a_5Fb"],
    ["a/b", "a_2Fb"], // distinct from "a_b": no two ids share a file
    ["مقال", "_D9_85_D9_82_D8_A7_D9_84"],
  ])("names the files of article %j as %j", (id, stem) => {
    expect(bratFileStem(id)).toBe(stem);
  });
});
