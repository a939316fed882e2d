import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("reads SLANT_WORKERS as a whole number of processes, unset by default", () => {
    expect(readEnv({ SLANT_WORKERS: "3" }).SLANT_WORKERS).toBe(3);
    expect(readEnv({}).SLANT_WORKERS).toBeUndefined();
    expect(readEnv({ SLANT_WORKERS: "" }).SLANT_WORKERS).toBeUndefined();
  });

  it("refuses a worker count that is not a positive whole number, naming the variable", () => {
    for (const bad of ["abc", "0", "1.5", "-2"]) expect(() => readEnv({ SLANT_WORKERS: bad }), bad).toThrow(/SLANT_WORKERS/);
  });
});

describe("SLANT_TRUSTED_PROXIES", () => {
  it("accepts addresses and ranges, and refuses anything else at start-up", () => {
    expect(readEnv({ SLANT_TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8" }).SLANT_TRUSTED_PROXIES).toBe("127.0.0.1, 10.0.0.0/8");
    expect(() => readEnv({ SLANT_TRUSTED_PROXIES: "proxy.internal" })).toThrow(/SLANT_TRUSTED_PROXIES: "proxy.internal" is not an IP address/);
  });
});
