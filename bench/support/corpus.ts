import { readFileSync } from "node:fs";

/** Seed prose repeated into an article of about `words` words, unique by `tag`. */
export function longArticle(words: number, tag: string): string {
  const seed = JSON.parse(readFileSync("seeds/articles/south-front-has-damascus-time-to-recapture-northern-syria-finally-arrived.json", "utf8")) as { body: string };
  const paragraphs = seed.body.split("\n\n");
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = `${paragraphs[i % paragraphs.length]} (${tag} §${i})`;
    out.push(p);
    count += p.split(/\s+/).length;
  }
  return out.join("\n\n");
}

/** Word spans of a body in code points. */
export function wordSpans(body: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const chars = Array.from(body);
  let start = -1;
  chars.forEach((c, i) => {
    const word = /[\p{L}\p{N}’'-]/u.test(c);
    if (word && start < 0) start = i;
    if (!word && start >= 0) {
      spans.push({ start, end: i });
      start = -1;
    }
  });
  if (start >= 0) spans.push({ start, end: chars.length });
  return spans;
}
