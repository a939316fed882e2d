import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SeedLabel } from "../schemas/seed";
import { attributesSchema, formFields } from "./attributes";
import { AttributeFields, storedFields, type AttributeField } from "./fields";

// The built-in labels' fields as seeded (and as the migration writes them).
const seeded = z.array(SeedLabel).parse(JSON.parse(readFileSync(new URL("../../seeds/labels.json", import.meta.url), "utf8")));
const fieldsOf = (key: string) => seeded.find((l) => l.key === key)?.attributes ?? [];
const schema = (label: string, stored: Record<string, unknown> = {}) => attributesSchema(fieldsOf(label), stored);

const framing: AttributeField[] = AttributeFields.parse([
  { key: "frame", name: "Frame", type: "choice", options: ["conflict", "economic"], required: true },
  { key: "actor", type: "person" },
  { key: "outlet", type: "organisation", maxLength: 10 },
  { key: "intensity", type: "number" },
]);

describe("attributesSchema, built from a label's fields", () => {
  it.each([
    ["attribution", { speaker: " Activists ", kind: "vague" }, { speaker: "Activists", kind: "vague" }],
    ["attribution", { speaker: "", kind: null }, {}],
    ["claim", { checkworthy: true }, { checkworthy: true }],
    ["loaded_language", { connotation: "implies illegitimacy" }, { connotation: "implies illegitimacy" }],
    ["unverified", {}, {}],
  ])("%s accepts %j", (label, input, expected) => {
    expect(schema(label).parse(input)).toEqual(expected);
  });

  it.each([
    ["attribution", { kind: "rumour" }, /kind/],
    ["attribution", { speaker: "x".repeat(201) }, /speaker/],
    ["claim", { checkworthy: "yes" }, /checkworthy/],
    ["claim", { speaker: "wrong label's field" }, /speaker\W+is not a field/],
    ["unverified", { nested: { deep: 1 } }, /nested/],
  ])("%s rejects %j", (label, input, message) => {
    const result = schema(label).safeParse(input);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it.each([
    [{ frame: "conflict", actor: " Tahir al-Omar ", outlet: "Reuters", intensity: 3 }, { frame: "conflict", actor: "Tahir al-Omar", outlet: "Reuters", intensity: 3 }],
    [{ intensity: -0.5 }, { intensity: -0.5 }],
    [{}, {}],
  ])("a label an admin defined accepts %j", (input, expected) => {
    expect(attributesSchema(framing).parse(input)).toEqual(expected);
  });

  it.each([
    [{ frame: "moral" }, /frame.*one of conflict, economic/],
    [{ intensity: "3" }, /intensity/],
    [{ outlet: "x".repeat(11) }, /outlet.*at most 10/],
    [{ actor: 7 }, /actor/],
    [{ technique: "flag-waving" }, /technique\W+is not a field/],
  ])("a label an admin defined rejects %j", (input, message) => {
    const result = attributesSchema(framing).safeParse(input);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it("does not enforce `required`: the annotator creates a span before its attributes are filled in", () => {
    expect(attributesSchema(framing).parse({})).toEqual({});
  });
});

describe("changing a field never invalidates a stored span", () => {
  const stored = { speaker: "Activists", kind: "rumour", technique: "flag-waving" };
  it("keeps stored values of removed fields and removed options when they come back unchanged", () => {
    expect(schema("attribution", stored).parse({ ...stored, speaker: "Observers" })).toEqual({ speaker: "Observers", kind: "rumour", technique: "flag-waving" });
  });
  it("checks a changed value against today's fields", () => {
    expect(schema("attribution", stored).safeParse({ ...stored, kind: "hearsay" }).success).toBe(false);
    expect(schema("attribution", stored).safeParse({ ...stored, technique: "whataboutism" }).success).toBe(false);
  });
  it("lets a stored value be cleared", () => {
    expect(schema("attribution", stored).parse({ speaker: "Activists" })).toEqual({ speaker: "Activists" });
  });
});

describe("formFields", () => {
  it("adds read-only rows for stored values of fields since removed", () => {
    const rows = formFields(fieldsOf("attribution"), { speaker: "A", technique: "flag-waving", empty: "" });
    expect(rows.map((r) => [r.field.key, r.removed])).toEqual([["speaker", false], ["kind", false], ["technique", true]]);
  });
});

describe("AttributeFields", () => {
  it.each([
    [[{ key: "a", type: "choice" }], /at least one option/],
    [[{ key: "a", type: "choice", options: ["x", "x"] }], /options must differ/],
    [[{ key: "a", type: "text", options: ["x"] }], /only a choice has options/],
    [[{ key: "a", type: "boolean", maxLength: 3 }], /only text fields/],
    [[{ key: "speaker", type: "text" }, { key: "Speaker", type: "text" }], /used twice/],
    [[{ key: "9lives", type: "text" }], /must start with a letter/],
    [[{ key: "a", type: "colour" }], /type/],
    [Array.from({ length: 21 }, (_, i) => ({ key: `f${i}`, type: "text" })), /at most 20/],
  ])("refuses %j", (fields, message) => {
    const result = AttributeFields.safeParse(fields);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it("fills in the name, required and the default length", () => {
    expect(AttributeFields.parse([{ key: "actor", type: "person" }])).toEqual([{ key: "actor", name: "actor", required: false, type: "person", maxLength: 200 }]);
  });

  it("reads a column that does not parse as no fields", () => expect(storedFields({ not: "a list" })).toEqual([]));
});

describe("text that PostgreSQL cannot store", () => {
  it.each([
    ["a lone high surrogate", "bad \ud800 text"],
    ["a lone low surrogate", "\udc00"],
    ["a NUL character", "a\u0000b"],
  ])("rejects %s", (_name, value) => {
    expect(schema("loaded_language").safeParse({ connotation: value }).success).toBe(false);
  });

  it("accepts emoji, which are surrogate pairs in JavaScript", () => {
    expect(schema("loaded_language").parse({ connotation: "👍🏽 👨‍👩‍👧" })).toEqual({ connotation: "👍🏽 👨‍👩‍👧" });
  });
});
