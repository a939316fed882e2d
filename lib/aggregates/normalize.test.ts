import { describe, expect, it } from "vitest";
import { normalizeExpression, spanKeys } from "./normalize";

describe("normalizeExpression", () => {
  it.each([
    ["trims ASCII whitespace at both ends", " \t Regime\r\n", "regime"],
    ["lower-cases beyond ASCII, whatever a database's collation would do", "RÉGIME", "régime"],
    ["composes to NFC first (e + combining acute = é)", "re\u0301gime", "régime"],
    ["keeps inner whitespace and non-ASCII spaces", "\u00a0so-called  regime", "\u00a0so-called  regime"],
    ["the empty string stays empty", "   ", ""],
  ])("%s", (_, text, expected) => {
    expect(normalizeExpression(text)).toBe(expected);
  });
});

describe("spanKeys", () => {
  it.each([
    ["a loaded-language span: its quote, no speaker", { quote: " Regime ", attributes: {} }, { attributionKind: "", quoteKey: "regime", speakerKey: "", speakerName: "" }],
    ["an attribution: speaker normalized and as written, trimmed", { quote: "activists said", attributes: { speaker: " Tahir al-Omar\t", kind: "named" } }, { attributionKind: "named", quoteKey: "activists said", speakerKey: "tahir al-omar", speakerName: "Tahir al-Omar" }],
    ["a kind that is not an attribution kind is not recorded", { quote: "x", attributes: { kind: "rumour" } }, { attributionKind: "", quoteKey: "x", speakerKey: "", speakerName: "" }],
    ["no attributes at all", { quote: "x", attributes: null }, { attributionKind: "", quoteKey: "x", speakerKey: "", speakerName: "" }],
    ["a speaker that is not text is keyed by its JSON", { quote: "x", attributes: { speaker: 7 } }, { attributionKind: "", quoteKey: "x", speakerKey: "7", speakerName: "7" }],
  ])("%s", (_, span, expected) => {
    expect(spanKeys(span)).toEqual(expected);
  });
});
