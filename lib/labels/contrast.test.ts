import { describe, expect, it } from "vitest";
import { AA_TEXT, contrastRatio, over, parseHex, readableOn, relativeLuminance } from "./contrast";

const hex = (c: string) => parseHex(c)!;

describe("contrastRatio", () => {
  // Reference values from the WCAG definition and WebAIM's contrast checker.
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#777777", "#ffffff", 4.48],
    ["#767676", "#ffffff", 4.54],
    ["#059669", "#ffffff", 3.77],
    ["#d97706", "#ffffff", 3.19],
    ["#2563eb", "#ffffff", 5.17],
  ])("%s on %s is %d:1", (a, b, ratio) => {
    expect(contrastRatio(hex(a), hex(b))).toBeCloseTo(ratio, 1);
  });

  it("does not depend on the order of its arguments", () => {
    expect(contrastRatio(hex("#123456"), hex("#fedcba"))).toBe(contrastRatio(hex("#fedcba"), hex("#123456")));
  });
});

describe("parseHex", () => {
  it.each([
    ["#fff", { r: 255, g: 255, b: 255 }],
    ["#2563EB", { r: 37, g: 99, b: 235 }],
  ])("reads %s", (text, rgb) => expect(parseHex(text)).toEqual(rgb));
  it.each(["red", "#12345", "#gggggg", "", "rgb(0,0,0)"])("refuses %j", (text) => expect(parseHex(text)).toBeNull());
});

describe("relativeLuminance and over", () => {
  it("is 0 for black and 1 for white", () => {
    expect(relativeLuminance(hex("#000"))).toBe(0);
    expect(relativeLuminance(hex("#fff"))).toBe(1);
  });
  it("blends a translucent colour over its background", () => {
    expect(over(hex("#000000"), 0.5, hex("#ffffff"))).toEqual({ r: 127.5, g: 127.5, b: 127.5 });
    expect(over(hex("#2563eb"), 0, hex("#ffffff"))).toEqual(hex("#ffffff"));
  });
});

describe("readableOn", () => {
  it("keeps a colour that already passes", () => {
    expect(readableOn("#2563eb", "#ffffff")).toBe("#2563eb");
  });
  it.each(["#059669", "#d97706", "#fde047", "#ffffff"])("darkens %s until it passes AA on white", (color) => {
    const shade = readableOn(color, "#ffffff");
    expect(contrastRatio(hex(shade), hex("#ffffff"))).toBeGreaterThanOrEqual(AA_TEXT);
  });
  it("falls back to dark text for a colour it cannot read", () => {
    expect(readableOn("not a colour", "#ffffff")).toBe("#1e293b");
  });
});
