// Outlet-blind campaigns (issue #15 §4, docs/decisions/0025-outlet-blind-campaigns.md): what an
// analyst must not read, found in an article's title and body. Pure: the data layer masks what it
// sends, the annotator renders what it receives. Ranges count code points, like stored offsets,
// and masking replaces each code point by one code point, so every offset stays exact.

import type { CodePointRange } from "../spans/offsets";

export type Outlet = { name: string; domain?: string | null; homepage?: string | null };

/** One code point shown instead of each hidden one (U+2588 FULL BLOCK: one UTF-16 unit, never astral). */
export const MASK_CHAR = "█";

/** Words an outlet adds to its name for a service or an edition: "Al Mayadeen English" is also "Al Mayadeen". */
const EDITION_WORDS = new Set(["english", "news", "online", "tv", "television", "network", "daily", "today", "international", "arabic", "press", "media", "com", "net", "org"]);
/** Host labels that say nothing about the outlet ("www.", "english.", the top-level domain). */
const HOST_NOISE = new Set(["www", "english", "en", "m", "amp", "news", "com", "net", "org", "press", "info", "co", "uk", "io", "tv", "media", "online"]);
/** Shorter terms match ordinary words too often ("RT" aside, which no rule here can tell from a word). */
const MIN_TERM_LENGTH = 4;

const words = (s: string) => s.normalize("NFC").split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function hostOf(outlet: Outlet): string | null {
  if (outlet.domain) return outlet.domain.toLowerCase();
  if (!outlet.homepage) return null;
  try {
    return new URL(outlet.homepage).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The ways an outlet names itself, each a list of words: its name, its name without edition words,
 * the name run together ("SouthFront", "AlMayadeen"), its domain ("southfront.press") and the
 * domain's distinctive label ("almayadeen" of english.almayadeen.net).
 */
export function outletTerms(outlet: Outlet): string[][] {
  const terms: string[][] = [];
  const add = (t: string[]) => {
    if (t.length && t.join(" ").length >= MIN_TERM_LENGTH) terms.push(t);
  };
  const name = words(outlet.name);
  add(name);
  const core = [...name];
  while (core.length > 1 && EDITION_WORDS.has(core[core.length - 1]!.toLowerCase())) core.pop();
  add(core);
  if (core.length > 1) add([core.join("")]);
  const host = hostOf(outlet);
  if (host) {
    add([host]);
    for (const label of host.split(".")) if (!HOST_NOISE.has(label)) add([label]);
  }
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = t.join(" ").toLowerCase();
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern for every term: words joined by spaces, hyphens or nothing ("Al-Mayadeen"), whole words only, any case. */
function termsPattern(terms: string[][]): RegExp | null {
  if (!terms.length) return null;
  // Longest first, so "Al Mayadeen English" wins over "Al Mayadeen" where both match.
  const alternatives = [...terms].sort((a, b) => b.join(" ").length - a.join(" ").length).map((t) => t.map(escape).join("[\\s\\-‐‑–]*"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

/** Code-point ranges of `text` where the outlet names itself, ascending and merged. */
export function outletMaskRanges(text: string, outlet: Outlet): CodePointRange[] {
  const pattern = termsPattern(outletTerms(outlet));
  if (!pattern) return [];
  const ranges: CodePointRange[] = [];
  // Walk the string once, converting UTF-16 match positions to code points as we go.
  let unit = 0;
  let point = 0;
  const toPoint = (target: number) => {
    while (unit < target) {
      const c = text.codePointAt(unit)!;
      unit += c > 0xffff ? 2 : 1;
      point++;
    }
    return point;
  };
  for (const m of text.matchAll(pattern)) {
    const start = toPoint(m.index);
    const end = toPoint(m.index + m[0].length);
    const last = ranges[ranges.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else ranges.push({ start, end });
  }
  return ranges;
}

/** The text with every masked code point replaced by MASK_CHAR: the same number of code points. */
export function applyMask(text: string, ranges: readonly CodePointRange[]): string {
  if (!ranges.length) return text;
  const points = Array.from(text);
  for (const r of ranges) for (let i = r.start; i < r.end && i < points.length; i++) points[i] = MASK_CHAR;
  return points.join("");
}

/** Separators an outlet's name hangs off in a title: "Title - Outlet", "Outlet | Title", "Outlet: Title". */
const SEPARATOR = "\\s*[-–—|:·•]\\s*";

/**
 * The title without the outlet's markers (a leading or trailing "Outlet" joined by a dash, bar or
 * colon); a mention left inside the title is masked. "" never: a title that was only the outlet
 * becomes MASK_CHARs.
 */
export function blindTitle(title: string, outlet: Outlet): string {
  const terms = outletTerms(outlet);
  const pattern = termsPattern(terms);
  if (!pattern) return title;
  const body = pattern.source;
  let out = title;
  for (let changed = true; changed; ) {
    const before = out;
    out = out.replace(new RegExp(`${SEPARATOR}${body}\\s*$`, "iu"), "").replace(new RegExp(`^\\s*${body}${SEPARATOR}`, "iu"), "");
    changed = out !== before && out.trim() !== "";
    if (out.trim() === "") out = before;
  }
  return applyMask(out, outletMaskRanges(out, outlet)).trim();
}
