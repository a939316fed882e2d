import { describe, expect, it } from "vitest";
import { applyProfileChange, profileChangeSchema, ProfileFieldInput, readProfile, type ProfileFieldDefinition } from "./profile-schema";

const fields: ProfileFieldDefinition[] = [
  { key: "leaning", name: "Political leaning", type: "CHOICE", options: ["left", "centre", "right"] },
  { key: "expertise", name: "Expertise", type: "TEXT", options: [] },
];
const schema = profileChangeSchema(fields);

describe("the profile schema built from the field definitions", () => {
  it.each([
    ["a listed choice", { leaning: "centre" }, { leaning: "centre" }],
    ["text, trimmed", { expertise: "  Syria, Turkey " }, { expertise: "Syria, Turkey" }],
    ["null clears a value", { leaning: null }, { leaning: null }],
    ["nothing", {}, {}],
  ])("accepts %s", (_, input, parsed) => {
    expect(schema.parse(input)).toEqual(parsed);
  });

  it.each([
    ["a choice not among the options", { leaning: "far-left" }, "leaning"],
    ["a key no field defines", { language: "en" }, ""],
    ["empty text", { expertise: "   " }, "expertise"],
    ["a number for text", { expertise: 3 }, "expertise"],
  ])("refuses %s", (_, input, path) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".") ?? "").toBe(path);
  });

  it("with no fields defined, refuses any value", () => {
    expect(profileChangeSchema([]).safeParse({ leaning: "left" }).success).toBe(false);
  });
});

describe("applying a change and reading a profile back", () => {
  it("null removes, undefined keeps, a value replaces", () => {
    expect(applyProfileChange({ leaning: "left", expertise: "x" }, { leaning: null, expertise: undefined })).toEqual({ expertise: "x" });
    expect(applyProfileChange({ leaning: "left" }, { leaning: "right" })).toEqual({ leaning: "right" });
  });

  it("keeps only values their field still accepts", () => {
    expect(readProfile({ leaning: "centre", expertise: "Gulf", retired: "x" }, fields)).toEqual({ leaning: "centre", expertise: "Gulf" });
    expect(readProfile({ leaning: "centre-left" }, fields)).toEqual({});
    expect(readProfile(null, fields)).toEqual({});
    expect(readProfile(["left"], fields)).toEqual({});
  });
});

describe("a field definition", () => {
  it.each([
    ["a choice with options", { key: "leaning", name: "Leaning", type: "CHOICE", options: ["left", "right"] }, true],
    ["text without options", { key: "expertise", name: "Expertise", type: "TEXT" }, true],
    ["a choice with one option", { key: "x", name: "X", type: "CHOICE", options: ["only"] }, false],
    ["a choice with duplicate options", { key: "x", name: "X", type: "CHOICE", options: ["a", "a"] }, false],
    ["text with options", { key: "x", name: "X", type: "TEXT", options: ["a"] }, false],
    ["a key with capitals", { key: "Leaning", name: "X", type: "TEXT" }, false],
    ["a key starting with a digit", { key: "1st", name: "X", type: "TEXT" }, false],
  ])("%s → %s", (_, input, ok) => {
    expect(ProfileFieldInput.safeParse(input).success).toBe(ok);
  });
});
