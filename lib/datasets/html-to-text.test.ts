import { describe, expect, it } from "vitest";
import { htmlTitle, htmlToText, readHtml, readHtmlInPieces } from "./html-to-text";

describe("htmlToText", () => {
  it.each([
    ["paragraphs become blank-line breaks", "<p>One</p><p>Two</p>", "One\n\nTwo"],
    ["scripts, styles and the head are dropped with their content", "<head><title>T</title><style>p{}</style></head><script>alert(1)</script><p>Text</p>", "Text"],
    ["an unclosed script swallows the rest", "<p>Kept</p><script>var x = '<p>not text</p>'", "Kept"],
    ["entities are decoded after tags are gone, so escaped markup stays text", "<p>&lt;script&gt; &amp; &#x1F600; &#233; &hellip;</p>", "<script> & 😀 é …"],
    ["inline whitespace collapses; <br> keeps a line break", "<div>a  \n  b<br>c</div>", "a b\nc"],
    ["comments and attributes vanish", '<!-- hidden --><a href="x" onclick="evil()">link</a> text', "link text"],
    ["non-breaking spaces become spaces", "<p>a&nbsp;b</p>", "a b"],
    // Named entities are case-sensitive: &Eacute; is É (the pattern-based decoder lower-cased it to é).
    ["capital-letter entities keep their case", "<p>&Eacute;cole &Agrave; &AElig;</p>", "École À Æ"],
    ["every HTML5 named entity is known", "<p>&euro;&frac12;&rarr;&alpha;&AMP;</p>", "€½→α&"],
    ["unknown entities are kept as written; invalid code points become U+FFFD, as in a browser", "&bogus; &#xD800; &#0;", "&bogus; \uFFFD \uFFFD"],
    ["headings, list items and table rows are paragraphs", "<h1>Title</h1>Intro<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>", "Title\n\nIntro\n\none\n\ntwo\n\nab"],
    ["inline elements do not break a paragraph", "<p>A <em>very</em> <a href='#'>long</a> line</p>", "A very long line"],
    ["svg and math content is not prose", "<p>x</p><svg><text>label</text></svg><math><mi>y</mi></math><p>z</p>", "x\n\nz"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it("finds the title", () => {
    expect(htmlTitle("<html><head><title> A &amp; B </title></head></html>")).toBe("A & B");
    expect(htmlTitle("<p>no title</p>")).toBeNull();
    expect(htmlTitle("<title>&Eacute;tat\n  des lieux</title>")).toBe("État des lieux");
  });

  // Each took seconds to minutes with the regular expressions this replaced at a
  // quarter of these sizes (quadratic: 16× that here); the 10 s ceiling is the
  // failure signal, with room for a busy machine.
  it.each([
    ["an unclosed tag", `<p>text</p><a${" x".repeat(1_200_000)}`, "text"],
    ["many unclosed tags", "<p>start</p>" + "<i".repeat(800_000), "start"],
    ["an unclosed script opener", "<p>a</p>" + "<script ".repeat(400_000), "a"],
    ["an unclosed comment", `<p>a</p><!--${"-".repeat(1_200_000)}`, "a"],
    ["long whitespace between blocks", `<p>a</p>${" \n\t".repeat(1_200_000)}<p>b</p>`, "a\n\nb"],
    ["a long run of spaces inside a paragraph", `<p>a${" ".repeat(2_000_000)}b</p>`, "a b"],
  ])("is linear on %s", (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  }, 10_000);

  // htmlparser2 alone searches its open-element list on each closing tag: this took 25 s before the depth bound.
  it.each([
    ["50,000 unclosed inline elements, then 50,000 stray closing tags", `<p>a</p>${"<i>".repeat(50_000)}b${"</b>".repeat(50_000)}`, "a\n\nb"],
    ["100,000 nested blocks", `${"<div>".repeat(100_000)}deep${"</div>".repeat(100_000)}`, "deep"],
  ])("stays linear on %s", (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  }, 10_000);

  it("gives the same result when fed in pieces", async () => {
    const html = `<title>T &amp; U</title>${"<p>Caf&eacute; ".repeat(20_000)}<script>${"x".repeat(70_000)}</script><p>end&hellip;</p>`;
    const pieces = await readHtmlInPieces(html, () => new Promise((resolve) => setImmediate(resolve)));
    expect(pieces).toEqual(readHtml(html));
    expect(pieces.title).toBe("T & U");
  });
});
