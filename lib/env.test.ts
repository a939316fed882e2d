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
