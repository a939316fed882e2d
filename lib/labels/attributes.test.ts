import { describe, expect, it } from "vitest";
import { attributesSchema } from "./attributes";

describe("attributesSchema", () => {
  it.each([
    ["attribution", { speaker: " Activists ", kind: "vague" }, { speaker: "Activists", kind: "vague" }],
    ["attribution", { speaker: "", kind: null }, {}],
    ["claim", { checkworthy: true }, { checkworthy: true }],
    ["loaded_language", { connotation: "implies illegitimacy" }, { connotation: "implies illegitimacy" }],
    ["unverified", {}, {}],
    ["custom_label", { anything: "goes", n: 3 }, { anything: "goes", n: 3 }],
  ])("%s accepts %j", (label, input, expected) => {
    expect(attributesSchema(label).parse(input)).toEqual(expected);
  });

  it.each([
    ["attribution", { kind: "rumour" }, /kind/],
    ["attribution", { speaker: "x".repeat(201) }, /speaker/],
    ["claim", { checkworthy: "yes" }, /checkworthy/],
    ["claim", { speaker: "wrong label's field" }, /speaker|Unrecognized/],
    ["custom_label", { nested: { deep: 1 } }, /nested/],
  ])("%s rejects %j", (label, input, message) => {
    const result = attributesSchema(label).safeParse(input);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });
});

describe("text that PostgreSQL cannot store", () => {
  it.each([
    ["a lone high surrogate", "bad \ud800 text"],
    ["a lone low surrogate", "\udc00"],
    ["a NUL character", "a\u0000b"],
  ])("rejects %s", (_name, value) => {
    expect(attributesSchema("loaded_language").safeParse({ connotation: value }).success).toBe(false);
    expect(attributesSchema("custom").safeParse({ any: value }).success).toBe(false);
  });

  it("accepts emoji, which are surrogate pairs in JavaScript", () => {
    expect(attributesSchema("loaded_language").parse({ connotation: "👍🏽 👨‍👩‍👧" })).toEqual({ connotation: "👍🏽 👨‍👩‍👧" });
  });
});
