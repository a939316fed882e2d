import { describe, expect, it } from "vitest";
import { leavesNoActiveAdmin } from "./last-admin";

describe("the last active admin", () => {
  it.each([
    ["demoting the only admin", ["a"], "a", { role: "REVIEWER" }, true],
    ["deactivating the only admin", ["a"], "a", { active: false }, true],
    ["keeping the only admin an admin", ["a"], "a", { role: "ADMIN" }, false],
    ["reactivating the only admin", ["a"], "a", { active: true }, false],
    ["demoting one of two admins", ["a", "b"], "a", { role: "ANALYST" }, false],
    ["deactivating one of two admins", ["a", "b"], "b", { active: false }, false],
    ["demoting someone who is not an active admin", ["a"], "x", { role: "ANALYST", active: false }, false],
    ["an empty change", ["a"], "a", {}, false],
  ] as const)("%s → %s", (_, admins, target, change, refused) => {
    expect(leavesNoActiveAdmin(admins, target, change)).toBe(refused);
  });
});
