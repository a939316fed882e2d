import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./rate-limit";

describe("FailureLimiter", () => {
  const minute = 60_000;
  function limiter() {
    let now = 0;
    const l = new FailureLimiter(3, 10 * minute, () => now);
    return { l, advance: (ms: number) => (now += ms) };
  }

  it("allows attempts until the limit of failures is reached", () => {
    const { l } = limiter();
    l.recordFailure("a");
    l.recordFailure("a");
    expect(l.retryAfter("a")).toBe(0);
    l.recordFailure("a");
    expect(l.retryAfter("a")).toBe(10 * minute);
  });

  it("keys are independent", () => {
    const { l } = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure("a");
    expect(l.retryAfter("b")).toBe(0);
  });

  it("old failures slide out of the window", () => {
    const { l, advance } = limiter();
    l.recordFailure("a");
    advance(5 * minute);
    l.recordFailure("a");
    l.recordFailure("a");
    expect(l.retryAfter("a")).toBe(5 * minute);
    advance(5 * minute + 1);
    expect(l.retryAfter("a")).toBe(0);
  });

  it("reset clears the count after a success", () => {
    const { l } = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure("a");
    l.reset("a");
    expect(l.retryAfter("a")).toBe(0);
  });
});
