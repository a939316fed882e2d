import { describe, expect, it } from "vitest";
import { tooManyAttemptsMessage } from "./rate-limit";

describe("tooManyAttemptsMessage", () => {
  it.each([
    [14 * 60_000 + 1, "15 minute(s)"],
    [60_000, "1 minute(s)"],
    [0, "1 minute(s)"],
  ])("after %i ms says %s", (ms, expected) => {
    expect(tooManyAttemptsMessage(ms)).toContain(expected);
  });
});
