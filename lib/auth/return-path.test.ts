import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/articles/abc", "/articles/abc"],
    ["/articles?sourceId=1#x", "/articles?sourceId=1#x"],
    [undefined, "/articles"],
    [["/a", "/b"], "/articles"],
    ["https://evil.example/phish", "/articles"],
    ["//evil.example/phish", "/articles"],
    ["/\\evil.example", "/articles"],
    ["javascript:alert(1)", "/articles"],
    ["/sign-in?callbackUrl=/x", "/articles"],
  ])("%j → %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
