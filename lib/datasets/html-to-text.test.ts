import { describe, expect, it } from "vitest";
import { decodeEntities, htmlTitle, htmlToText } from "./html-to-text";

describe("htmlToText", () => {
  it.each([
    ["paragraphs become blank-line breaks", "<p>One</p><p>Two</p>", "One\n\nTwo"],
    ["scripts, styles and the head are dropped with their content", "<head><title>T</title><style>p{}</style></head><script>alert(1)</script><p>Text</p>", "Text"],
    ["an unclosed script swallows the rest", "<p>Kept</p><script>var x = '<p>not text</p>'", "Kept"],
    ["entities are decoded after tags are gone, so escaped markup stays text", "<p>&lt;script&gt; &amp; &#x1F600; &#233; &hellip;</p>", "<script> & 😀 é …"],
    ["inline whitespace collapses; <br> keeps a line break", "<div>a  \n  b<br>c</div>", "a b\nc"],
    ["comments and attributes vanish", '<!-- hidden --><a href="x" onclick="evil()">link</a> text', "link text"],
    ["non-breaking spaces become spaces", "<p>a&nbsp;b</p>", "a b"],
    ["unknown entities and invalid code points are kept as written", "&bogus; &#xD800; &#0;", "&bogus; &#xD800; &#0;"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it("finds the title", () => {
    expect(htmlTitle("<html><head><title> A &amp; B </title></head></html>")).toBe("A & B");
    expect(htmlTitle("<p>no title</p>")).toBeNull();
    expect(decodeEntities("&AMP;")).toBe("&");
  });
});
