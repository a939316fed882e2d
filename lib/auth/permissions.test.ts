import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { hasRole, requireRole } from "./permissions";

describe("hasRole", () => {
  it.each([
    ["ANALYST", "ANALYST", true],
    ["ANALYST", "REVIEWER", false],
    ["REVIEWER", "ANALYST", true],
    ["REVIEWER", "ADMIN", false],
    ["ADMIN", "REVIEWER", true],
  ] as const)("%s meets %s: %s", (role, minimum, expected) => {
    expect(hasRole({ role }, minimum)).toBe(expected);
  });

  it("requireRole throws a FORBIDDEN AppError naming the needed role", () => {
    expect(() => requireRole({ role: "ANALYST" }, "ADMIN")).toThrow(AppError);
    expect(() => requireRole({ role: "ANALYST" }, "ADMIN")).toThrow(/admin role/);
  });
});
