import { describe, expect, it } from "vitest";
import { headingKey, labelSections } from "./sections";

const labels = [
  { key: "loaded_language", name: "Loaded language" },
  { key: "attribution", name: "Attribution" },
  { key: "omission", name: "Omission" },
];

const guideline = `# Slant annotation guideline

Read the whole article first.

## Loaded language

Words chosen for their emotional charge rather than their content.

- Example: "regime" for a government.

### Borderline cases

Technical terms are not loaded.

## attribution

Who said it, and how the article names them.

\`\`\`
## Omission
this heading is inside a code block
\`\`\`

## Other notes

Nothing about a label here.

## ATTRIBUTION

A second section for the same label is ignored.
`;

describe("labelSections", () => {
  const sections = labelSections(guideline, labels);

  it.each([
    ["loaded_language", "Words chosen for their emotional charge rather than their content.\n\n- Example: \"regime\" for a government.\n\n### Borderline cases\n\nTechnical terms are not loaded."],
    ["attribution", "Who said it, and how the article names them.\n\n```\n## Omission\nthis heading is inside a code block\n```"],
  ])("the %s section runs to the next level-2 heading, subheadings included", (key, body) => {
    expect(sections[key]).toBe(body);
  });

  it("a heading inside a fenced code block starts no section", () => {
    expect(sections.omission).toBeUndefined();
  });

  it("only labels get sections, the first one for a label counts", () => {
    expect(Object.keys(sections).sort()).toEqual(["attribution", "loaded_language"]);
  });

  it.each([
    ["## Loaded language ##\nbody", "body"],
    ["##   loaded-language\r\nbody\r\n", "body"],
    ["## `loaded_language`\n\nbody", "body"],
    ["# Loaded language\nbody", undefined],
    ["### Loaded language\nbody", undefined],
    ["## Loaded language\n\n## Attribution\nx", undefined],
    ["", undefined],
  ])("%j → %j", (markdown, body) => {
    expect(labelSections(markdown, labels).loaded_language).toBe(body);
  });

  it("a level-1 heading ends a section", () => {
    expect(labelSections("## Omission\nwhat is left out\n# Appendix\nmore", labels).omission).toBe("what is left out");
  });
});

describe("headingKey", () => {
  it.each([
    ["Loaded language", "loaded language"],
    ["loaded_language", "loaded language"],
    ["  Loaded-Language ", "loaded language"],
    ["**Omission**", "omission"],
  ])("%j → %j", (text, key) => expect(headingKey(text)).toBe(key));
});
