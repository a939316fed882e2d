import { describe, expect, it } from "vitest";
import { conllDocument, writeConll } from "./conll";
import type { ExportArticle } from "./model";
import { ANNOTATIONS_ONLY, ARTICLE, collectText, EMPTY_ARTICLE, locate, OPTIONS, streamOf } from "./testing/fixtures";

/** An article over `text` with spans given as [label, quote, occurrence?]. */
function articleWith(text: string, spans: [string, string, number?][]): ExportArticle {
  return {
    ...EMPTY_ARTICLE,
    text,
    annotations: spans.map(([label, quote, occurrence], i) => {
      const { start, end } = locate(quote, occurrence, text);
      return { ...ARTICLE.annotations[0]!, id: `s${i}`, label, quote, start, end, prefix: "", suffix: "" };
    }),
  };
}

/** token → its tags in the given label columns, skipping the -DOCSTART- header. */
function tagged(article: ExportArticle, labels = ["claim", "loaded_language"]): string[] {
  return conllDocument(article, labels).split("\n").slice(2).filter(Boolean);
}

describe("conllDocument", () => {
  it.each([
    ["a single span: B then I", "the so-called army", [["loaded_language", "so-called"]], ["the\tO\tO", "so\tO\tB-loaded_language", "-\tO\tI-loaded_language", "called\tO\tI-loaded_language", "army\tO\tO"]],
    ["overlapping labels in separate columns", "the so-called army", [["claim", "the so-called army"], ["loaded_language", "so-called"]], ["the\tB-claim\tO", "so\tI-claim\tB-loaded_language", "-\tI-claim\tI-loaded_language", "called\tI-claim\tI-loaded_language", "army\tI-claim\tO"]],
    ["same-label overlap merges into one chunk", "a b c d e", [["claim", "a b c"], ["claim", "b c d"]], ["a\tB-claim\tO", "b\tI-claim\tO", "c\tI-claim\tO", "d\tI-claim\tO", "e\tO\tO"]],
    ["same-label nesting merges too", "a b c d", [["claim", "a b c d"], ["claim", "b c"]], ["a\tB-claim\tO", "b\tI-claim\tO", "c\tI-claim\tO", "d\tI-claim\tO"]],
    ["adjacent spans stay separate (IOB2: B again)", "a b c d", [["claim", "a b"], ["claim", "c d"]], ["a\tB-claim\tO", "b\tI-claim\tO", "c\tB-claim\tO", "d\tI-claim\tO"]],
    ["IOB2 not IOB1: a chunk after O starts with B", "x a", [["claim", "a"]], ["x\tO\tO", "a\tB-claim\tO"]],
    ["a partial token is covered", "unbelievable claims", [["loaded_language", "believ"]], ["unbelievable\tO\tB-loaded_language", "claims\tO\tO"]],
    ["emoji tokens keep their tags", "Friday 👍🏽 in Azaz", [["claim", "👍🏽 in"]], ["Friday\tO\tO", "👍🏽\tB-claim\tO", "in\tI-claim\tO", "Azaz\tO\tO"]],
    ["RTL text", "قالوا لا للمصالحة", [["claim", "لا للمصالحة"]], ["قالوا\tO\tO", "لا\tB-claim\tO", "للمصالحة\tI-claim\tO"]],
    ["CJK characters", "称抗议", [["claim", "抗议"]], ["称\tO\tO", "抗\tB-claim\tO", "议\tI-claim\tO"]],
    ["a whitespace-only span tags nothing", "a  b", [["claim", "  "]], ["a\tO\tO", "b\tO\tO"]],
  ])("%s", (_, text, spans, expected) => {
    expect(tagged(articleWith(text, spans as [string, string][]))).toEqual(expected);
  });

  it("separates sentences by a blank line, but joins the sentences a span crosses (even a line break) so no chunk is cut", () => {
    const doc = conllDocument(articleWith("It fell. Then\nrose. Done", [["claim", "fell. Then\nrose"]]), ["claim"]);
    expect(doc).toBe("-DOCSTART-\tO\n\nIt\tO\nfell\tB-claim\n.\tI-claim\nThen\tI-claim\nrose\tI-claim\n.\tO\n\nDone\tO\n\n");
  });

  it("never cuts a claim span in news prose: no sentence break at Mr., U.S., H.R., initials or Jan., none inside a span", () => {
    const text =
      "WASHINGTON (AP) — Mr. Biden told reporters on Jan. 6 that the U.S. House would pass H.R. 815 soon. " +
      "The bill, which Sen. J. D. Vance opposed, e.g. in a letter to Gov. Abbott, was “dead on arrival.” Aides disagreed.\n" +
      "A spokesman said the vote was delayed. Critics called it a stunt.";
    const spans: [string, string][] = [
      ["claim", "Mr. Biden told reporters on Jan. 6 that the U.S. House would pass H.R. 815 soon"],
      ["claim", "Sen. J. D. Vance opposed, e.g. in a letter to Gov. Abbott"],
      ["claim", "Aides disagreed.\nA spokesman said the vote was delayed."],
    ];
    const doc = conllDocument(articleWith(text, spans), ["claim"]);
    const blocks = doc.split("\n\n").slice(1).filter(Boolean).map((block) => block.split("\n"));
    for (const block of blocks) {
      // every chunk starts inside its sentence: no sentence opens with I-
      expect(block[0]!.endsWith("I-claim"), block.join(" ")).toBe(false);
    }
    expect(blocks.map((block) => block.map((line) => line.split("\t")[0]).join(" "))).toEqual([
      "WASHINGTON ( AP ) — Mr . Biden told reporters on Jan . 6 that the U . S . House would pass H . R . 815 soon .",
      "The bill , which Sen . J . D . Vance opposed , e . g . in a letter to Gov . Abbott , was “ dead on arrival . ”",
      "Aides disagreed . A spokesman said the vote was delayed .",
      "Critics called it a stunt .",
    ]);
    expect(doc.match(/B-claim/g)).toHaveLength(3);
  });

  it("tags the fixture article consistently with its spans", () => {
    const lines = conllDocument(ARTICLE, ["claim", "attribution", "loaded_language", "unverified"]).split("\n");
    expect(lines[0]).toBe("-DOCSTART-\tO\tO\tO\tO");
    const row = (token: string, nth = 0) => lines.filter((l) => l.startsWith(`${token}\t`))[nth];
    expect(row("👍🏽")).toBe("👍🏽\tI-claim\tO\tO\tO");
    expect(row("so")).toBe("so\tI-claim\tO\tB-loaded_language\tO");
    expect(row("regime")).toBe("regime\tI-claim\tO\tB-loaded_language\tI-unverified"); // inside a-03 (unverified) and a-07 (claim)
    expect(row("A", 0)).toBe("A\tI-claim\tO\tO\tO"); // a-07 crosses the paragraph break, which is therefore no sentence break
    expect(row("👨‍👩‍👧")).toBe("👨‍👩‍👧\tI-claim\tO\tO\tO");
    expect(row("M\u0332ekdad")).toBe("M\u0332ekdad\tO\tB-attribution\tO\tO");
    expect(row("Some")).toBe("Some\tO\tB-attribution\tO\tB-unverified");
    // every tagged chunk starts with B- (IOB2)
    lines.slice(2).forEach((line, i, all) => {
      const previous = all[i - 1]?.split("\t") ?? [];
      line.split("\t").slice(1).forEach((tag, column) => {
        if (tag.startsWith("I-")) expect(previous[column + 1]?.slice(2), `${line} after ${all[i - 1]}`).toBe(tag.slice(2));
      });
    });
  });

  it.each([
    ["an annotations-only article", { ...ARTICLE, text: null }, /needs the article text/],
    ["a label without a column", articleWith("a b", [["rumour", "a"]]), /label "rumour" has no CoNLL column \(columns: claim, loaded_language\)/],
  ])("refuses %s", (_, article, message) => {
    expect(() => conllDocument(article, ["claim", "loaded_language"])).toThrow(message);
  });
});

describe("writeConll", () => {
  it("writes one document per article with the four Slant label columns", async () => {
    const out = await collectText(writeConll(streamOf([ARTICLE, EMPTY_ARTICLE]), OPTIONS));
    expect(out.match(/^-DOCSTART-\tO\tO\tO\tO$/gm)).toHaveLength(2);
    expect(out.endsWith("Chaos\tO\tO\tO\tO\nis\tO\tO\tO\tO\nbrewing\tO\tO\tO\tO\nin\tO\tO\tO\tO\nthe\tO\tO\tO\tO\nAleppo\tO\tO\tO\tO\ncountryside\tO\tO\tO\tO\n.\tO\tO\tO\tO\n\n")).toBe(true);
  });

  it("refuses an annotations-only export with a clear error", async () => {
    await expect(collectText(writeConll(streamOf([ARTICLE]), ANNOTATIONS_ONLY))).rejects.toThrow("CoNLL cannot be exported without article text");
  });
});
