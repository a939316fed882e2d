import { describe, expect, it } from "vitest";
import { retryAfter } from "./rate-limit";

describe("retryAfter", () => {
  const minute = 60_000;
  const limit = { maxFailures: 3, windowMs: 10 * minute };

  it("allows attempts until the limit of failures is reached", () => {
    expect(retryAfter([], 0, limit)).toBe(0);
    expect(retryAfter([0, 0], 0, limit)).toBe(0);
    expect(retryAfter([0, 0, 0], 0, limit)).toBe(10 * minute);
  });

  it("old failures slide out of the window", () => {
    const failures = [0, 5 * minute, 5 * minute];
    expect(retryAfter(failures, 5 * minute, limit)).toBe(5 * minute);
    expect(retryAfter(failures, 10 * minute + 1, limit)).toBe(0);
  });

  it("counts from the oldest failure that still matters, whatever the order they come in", () => {
    expect(retryAfter([9 * minute, 1 * minute, 8 * minute, 7 * minute], 9 * minute, limit)).toBe(8 * minute);
  });
});
