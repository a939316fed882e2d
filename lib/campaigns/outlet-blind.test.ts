import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codePointLength } from "../spans/offsets";
import { applyMask, blindTitle, MASK_CHAR, outletMaskRanges, outletTerms, type Outlet } from "./outlet-blind";

const root = path.resolve(__dirname, "../..");
const seed = (file: string) => JSON.parse(readFileSync(path.join(root, "seeds/articles", file), "utf8")) as { body: string; title: string };
const sources = JSON.parse(readFileSync(path.join(root, "seeds/sources.json"), "utf8")) as Outlet[];
const mayadeen = sources.find((s) => s.name === "Al Mayadeen English")!;
const southFront = sources.find((s) => s.name === "South Front")!;
const mayadeenArticle = seed("al-mayadeen-supporters-of-armed-groups-attack-turkish-checkpoints.json");
const southFrontArticle = seed("south-front-has-damascus-time-to-recapture-northern-syria-finally-arrived.json");
/** The document Slant was created from: the Al Mayadeen article with its header ("By Al Mayadeen English"). */
const original = readFileSync("/work/shared/seeds/000_9673574f31c3bd45.txt", "utf8").normalize("NFC");

const cpSlice = (s: string, start: number, end: number) => Array.from(s).slice(start, end).join("");
const masked = (text: string, outlet: Outlet) => outletMaskRanges(text, outlet).map((r) => cpSlice(text, r.start, r.end));

describe("outletTerms", () => {
  it.each([
    [mayadeen, ["al mayadeen english", "al mayadeen", "almayadeen", "english.almayadeen.net"]],
    [southFront, ["south front", "southfront", "southfront.press"]],
  ])("%o names itself in these ways", (outlet, expected) => {
    expect(outletTerms(outlet).map((t) => t.join(" ").toLowerCase())).toEqual(expected);
  });

  it("drops terms too short to tell from ordinary words", () => {
    expect(outletTerms({ name: "RT" })).toEqual([]);
  });
});

describe("outletMaskRanges", () => {
  it("finds the outlet's byline in the original seed document, by code point", () => {
    expect(masked(original, mayadeen)).toEqual(["Al Mayadeen English"]);
    const [range] = outletMaskRanges(original, mayadeen);
    expect(cpSlice(original, range!.start, range!.end)).toBe("Al Mayadeen English");
  });

  it("masks nothing in the seed bodies, which never name their outlet (no false positives on Al-Bab, Front lines, Aleppo)", () => {
    expect(outletMaskRanges(mayadeenArticle.body, mayadeen)).toEqual([]);
    expect(outletMaskRanges(southFrontArticle.body, southFront)).toEqual([]);
    expect(outletMaskRanges(mayadeenArticle.body, southFront)).toEqual([]);
  });

  it.each([
    ["As South Front reported earlier, the SAA advanced.", southFront, ["South Front"]],
    ["Read more on SouthFront: southfront.press/analysis", southFront, ["SouthFront", "southfront.press"]],
    ["the southern front held", southFront, []],
    ["Al-Mayadeen's correspondent said", mayadeen, ["Al-Mayadeen"]],
    ["AL MAYADEEN sources confirmed; see english.almayadeen.net", mayadeen, ["AL MAYADEEN", "english.almayadeen.net"]],
    ["Al Mayadeenian is not a word", mayadeen, []],
  ])("%s", (text, outlet, expected) => {
    expect(masked(text, outlet)).toEqual(expected);
  });

  it("counts code points, not UTF-16 units, after astral characters", () => {
    const text = "😀😀 South Front 😀";
    expect(outletMaskRanges(text, southFront)).toEqual([{ start: 3, end: 14 }]);
  });

  it("planted in a real seed body, keeps every other offset exact", () => {
    const planted = `${southFrontArticle.body.slice(0, 200)} (South Front) ${southFrontArticle.body.slice(200)}`;
    const ranges = outletMaskRanges(planted, southFront);
    const shown = applyMask(planted, ranges);
    expect(codePointLength(shown)).toBe(codePointLength(planted));
    expect(shown).not.toMatch(/south\s*front/i);
    expect(shown).toContain(MASK_CHAR.repeat("South Front".length));
    // Every code point outside the masks is untouched.
    const a = Array.from(planted);
    const b = Array.from(shown);
    a.forEach((c, i) => {
      if (!ranges.some((r) => i >= r.start && i < r.end)) expect(b[i]).toBe(c);
    });
  });
});

describe("blindTitle", () => {
  it.each([
    ["Supporters of armed groups attack Turkish checkpoints in Idlib, Aleppo - Al Mayadeen English", mayadeen, "Supporters of armed groups attack Turkish checkpoints in Idlib, Aleppo"],
    ["Supporters attack checkpoints | Al Mayadeen", mayadeen, "Supporters attack checkpoints"],
    ["South Front: Has Damascus’ Time To Recapture Northern Syria Finally Arrived?", southFront, "Has Damascus’ Time To Recapture Northern Syria Finally Arrived?"],
    ["Has Damascus’ Time Arrived? — SouthFront", southFront, "Has Damascus’ Time Arrived?"],
    [southFrontArticle.title, southFront, southFrontArticle.title],
    ["Why South Front was banned", southFront, `Why ${MASK_CHAR.repeat(11)} was banned`],
    ["South Front", southFront, MASK_CHAR.repeat(11)],
  ])("%s", (title, outlet, expected) => {
    expect(blindTitle(title, outlet)).toBe(expected);
  });
});
