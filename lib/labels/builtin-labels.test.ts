import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SeedLabel } from "../schemas/seed";
import { labelTextContrast, textOnHighlightContrast, underlineStyleOf } from "./appearance";
import { AA_TEXT } from "./contrast";

const labels = z.array(SeedLabel).parse(JSON.parse(readFileSync(new URL("../../seeds/labels.json", import.meta.url), "utf8")));

describe("built-in labels", () => {
  it.each(labels.map((l) => [l.key, l.color] as const))("%s (%s) reads as text on the page (WCAG AA)", (_key, color) => {
    expect(labelTextContrast(color)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it.each(labels.map((l) => [l.key, l.color] as const))("article text reads on the %s highlight (WCAG AA)", (_key, color) => {
    expect(textOnHighlightContrast(color)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it("are told apart by more than colour: each has its own underline style", () => {
    const styles = [...labels].sort((a, b) => a.sortOrder - b.sortOrder).map((_, i) => underlineStyleOf(i));
    expect(new Set(styles).size).toBe(labels.length);
  });
});
