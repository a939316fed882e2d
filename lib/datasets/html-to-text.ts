// Reduces an HTML document to the plain text Slant stores. Nothing is ever
// rendered or executed: tags are dropped by pattern, and the content of
// elements that are not prose (script, style, head, …) is dropped with them.
// Block elements become paragraph breaks so that offsets land in readable
// paragraphs; the result still goes through normalizeBody.

const NON_PROSE = ["script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object"];
const BLOCKS = "p|div|section|article|header|footer|main|aside|nav|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|tr|figure|figcaption|hr|address";

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0",
  ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”",
  laquo: "«", raquo: "»", copy: "©", reg: "®", trade: "™", deg: "°", middot: "·", bull: "•",
  eacute: "é", egrave: "è", aacute: "á", agrave: "à", iacute: "í", oacute: "ó", uacute: "ú", uuml: "ü", ouml: "ö", auml: "ä", ccedil: "ç", ntilde: "ñ", szlig: "ß",
};

function codePoint(value: number, original: string): string {
  // Surrogates, NUL and out-of-range values cannot be stored as text; keep what was written.
  if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return original;
  return String.fromCodePoint(value);
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (entity, name: string) => {
    if (name[0] === "#") return codePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10), entity);
    return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** The document's <title>, if any, decoded. */
export function htmlTitle(html: string): string | null {
  const match = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = match ? decodeEntities(match[1]!.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim() : "";
  return title || null;
}

export function htmlToText(html: string): string {
  let text = html.replace(/<!--[\s\S]*?(-->|$)/g, "").replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  for (const tag of NON_PROSE) {
    // An unclosed <script> swallows the rest of the document, as a browser would.
    text = text.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?(</${tag}\\s*>|$)`, "gi"), " ");
  }
  text = text
    .replace(/<!doctype[^>]*>/gi, "")
    // Source line breaks are just whitespace in HTML; only markup makes lines and paragraphs.
    .replace(/\s+/g, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(new RegExp(`</?(?:${BLOCKS})\\b[^>]*>`, "gi"), "\n\n")
    .replace(/<\/?[a-z][^>]*>/gi, "");
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.split("\n").map((line) => line.trim()).filter(Boolean).join("\n"));
  return paragraphs
    .filter((p) => p.length > 0)
    .map(decodeEntities)
    .map((p) => p.replace(/\u00a0/g, " "))
    .join("\n\n");
}
