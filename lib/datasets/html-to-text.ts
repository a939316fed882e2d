// Reduces an HTML document to the plain text Slant stores. Nothing is ever
// rendered or executed: htmlparser2, a streaming tokenizer that is linear in
// its input however broken the markup, reports tags and text, and entities are
// decoded by its HTML5 table. Patterns over the raw markup (what this was)
// backtracked for tens of seconds on one unclosed tag and knew 30 entities.
// The content of elements that are not prose (script, style, head, …) is
// dropped; block elements become paragraph breaks so that offsets land in
// readable paragraphs; the result still goes through normalizeBody.
import { Parser } from "htmlparser2";
import { trimSpaces } from "../text/whitespace";

const NON_PROSE = new Set(["script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object"]);
const BLOCKS = new Set([
  "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
  "blockquote", "pre", "table", "tr", "figure", "figcaption", "hr", "address",
]);
/** Whitespace as HTML defines it; a non-breaking space is text and survives until the end. */
const HTML_WHITESPACE = /[\t\n\f\r ]+/g;
/** The parser is fed this much at a time, so a caller can yield to the event loop between pieces. */
const PIECE_CHARS = 8 * 1024;

export type HtmlDocument = { title: string | null; text: string };

class TextCollector {
  private readonly pieces: string[] = [];
  private title: string[] | null = null;
  private titleDone = false;
  private skipDepth = 0;
  /** Line breaks owed before the next text: 1 for <br>, 2 (a paragraph) for a block edge; never more. */
  private breaks = 0;

  open(name: string): void {
    if (name === "title" && !this.titleDone) this.title = [];
    if (NON_PROSE.has(name)) this.skipDepth++;
    else if (this.skipDepth === 0 && name === "br") this.breaks = Math.min(2, this.breaks + 1);
    else if (this.skipDepth === 0 && BLOCKS.has(name)) this.breaks = 2;
  }

  /** The parser also closes void elements (<br>, <hr>) and elements it closes implicitly. */
  close(name: string): void {
    if (name === "title" && this.title) this.titleDone = true;
    if (NON_PROSE.has(name)) this.skipDepth = Math.max(0, this.skipDepth - 1);
    else if (this.skipDepth === 0 && BLOCKS.has(name)) this.breaks = 2;
  }

  text(data: string): void {
    if (this.title && !this.titleDone) this.title.push(data);
    if (this.skipDepth > 0) return;
    const text = data.replace(HTML_WHITESPACE, " ");
    // Whitespace next to a line break is trimmed anyway; keeping it out bounds the pieces of break-only markup.
    if (this.breaks > 0 && text === " ") return;
    if (this.breaks > 0) this.pieces.push(this.breaks === 2 ? "\n\n" : "\n");
    this.breaks = 0;
    this.pieces.push(text);
  }

  result(): HtmlDocument {
    const title = this.title ? this.title.join("").replace(HTML_WHITESPACE, " ").trim() : "";
    return { title: title || null, text: paragraphs(this.pieces.join("")) };
  }
}

/** Lines trimmed, blank lines dropped; one or more blank lines separate paragraphs, joined by one. */
function paragraphs(text: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(paragraph.join("\n"));
    paragraph = [];
  };
  for (const raw of text.split("\n")) {
    const line = trimSpaces(raw);
    if (line === "") flush();
    else paragraph.push(line);
  }
  flush();
  return out.join("\n\n").replaceAll("\u00a0", " ");
}

/** Real pages nest a few dozen elements deep. */
const MAX_OPEN_ELEMENTS = 256;

/**
 * htmlparser2 keeps open elements in an array it unshifts onto and searches
 * on every closing tag: 100,000 unclosed <i> followed by 100,000 </b> took
 * 100 s. Past MAX_OPEN_ELEMENTS, further elements are treated as void (opened
 * and closed at once), which keeps that array, and each step, bounded; text
 * is unaffected, only the nesting of absurdly deep markup is lost.
 */
class BoundedDepthParser extends Parser {
  protected override isVoidElement(name: string): boolean {
    return super.isVoidElement(name) || (this as unknown as { stack: string[] }).stack.length >= MAX_OPEN_ELEMENTS;
  }
}

function parserFor(collector: TextCollector): Parser {
  return new BoundedDepthParser(
    { onopentagname: (name) => collector.open(name), onclosetag: (name) => collector.close(name), ontext: (data) => collector.text(data) },
    { decodeEntities: true, lowerCaseTags: true },
  );
}

/** Title and text of a document in one pass. */
export function readHtml(html: string): HtmlDocument {
  const collector = new TextCollector();
  parserFor(collector).end(html);
  return collector.result();
}

/** The same as readHtml, fed in pieces with `pause` awaited between them (a long import yields to other requests). */
export async function readHtmlInPieces(html: string, pause: () => Promise<void>): Promise<HtmlDocument> {
  const collector = new TextCollector();
  const parser = parserFor(collector);
  for (let at = 0; at < html.length; at += PIECE_CHARS) {
    parser.write(html.slice(at, at + PIECE_CHARS));
    await pause();
  }
  parser.end();
  return collector.result();
}

/** The document's first <title>, if any, decoded. */
export const htmlTitle = (html: string): string | null => readHtml(html).title;

export const htmlToText = (html: string): string => readHtml(html).text;
