import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { hasRole, mayLeaveSubmitted, mayReadLayer, mayReadOthersWork, POOLED, requireLayer, requireRole } from "./permissions";

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

describe("the blind rule", () => {
  const analyst = { id: "a", role: "ANALYST" } as const;
  it.each([
    ["ANALYST", null, false],
    ["ANALYST", "ASSIGNED", false],
    ["ANALYST", "IN_PROGRESS", false],
    ["ANALYST", "SUBMITTED", true],
    ["ANALYST", POOLED, false],
    ["REVIEWER", null, true],
    ["REVIEWER", POOLED, true],
    ["ADMIN", "IN_PROGRESS", true],
  ] as const)("%s whose assignment is %s reads others' work: %s", (role, status, expected) => {
    expect(mayReadOthersWork({ role }, status)).toBe(expected);
  });

  it.each([
    ["their own layer, anywhere", "a", POOLED, true],
    ["another analyst's layer on an unsubmitted article", "b", "IN_PROGRESS", false],
    ["another analyst's layer after submitting", "b", "SUBMITTED", true],
    ["gold on an unsubmitted article", "gold", null, false],
    ["gold pooled over articles", "gold", POOLED, false],
  ] as const)("an analyst reading %s: %s", (_, author, status, expected) => {
    expect(mayReadLayer(analyst, author, status)).toBe(expected);
  });

  it("requireLayer refuses with FORBIDDEN and says why", () => {
    expect(() => requireLayer(analyst, "b", "IN_PROGRESS")).toThrow(/after submitting/);
    expect(() => requireLayer(analyst, "gold", POOLED)).toThrow(AppError);
    expect(() => requireLayer({ id: "r", role: "REVIEWER" }, "gold", POOLED)).not.toThrow();
  });

  it("only reviewers and admins move an assignment back from submitted", () => {
    expect(mayLeaveSubmitted({ role: "ANALYST" })).toBe(false);
    expect(mayLeaveSubmitted({ role: "REVIEWER" })).toBe(true);
    expect(mayLeaveSubmitted({ role: "ADMIN" })).toBe(true);
  });
});
