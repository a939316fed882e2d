import { describe, expect, it } from "vitest";
import { CreateLabelInput, UpdateLabelInput } from "./labels";

const good = { key: "framing", name: "Framing", color: "#7c3aed" };

describe("CreateLabelInput", () => {
  it("fills in the defaults", () => {
    expect(CreateLabelInput.parse(good)).toEqual({ ...good, description: "", shortcut: null, attributes: [] });
  });

  it.each([
    [{ color: "#fde047" }, "color", /WCAG AA/],
    [{ color: "purple" }, "color", /#rrggbb/],
    [{ shortcut: "j" }, "shortcut", /annotator's own key/],
    [{ shortcut: "55" }, "shortcut", /single visible character/],
    [{ key: "Framing" }, "key", /label key/],
    [{ attributes: [{ key: "frame", type: "text" }, { key: "Frame", type: "choice", options: ["a"] }] }, "attributes", /used twice/],
    [{ attributes: Array.from({ length: 21 }, (_, i) => ({ key: `f${i}`, type: "boolean" })) }, "attributes", /at most 20/],
    [{ role: "EXPRESSIONS" }, "", /Unrecognized key/],
  ])("refuses %j", (change, field, message) => {
    const result = CreateLabelInput.safeParse({ ...good, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((i) => String(i.path[0] ?? "") === field && message.test(i.message))).toBe(true);
  });
});

describe("UpdateLabelInput", () => {
  it.each([[{ retired: true }], [{ shortcut: null }], [{ sortOrder: 3 }], [{ attributes: [] }]])("accepts %j", (input) => {
    expect(UpdateLabelInput.parse(input)).toEqual(input);
  });
  it.each([[{}], [{ key: "renamed" }], [{ color: "#ffffff" }]])("refuses %j", (input) => {
    expect(UpdateLabelInput.safeParse(input).success).toBe(false);
  });
});
