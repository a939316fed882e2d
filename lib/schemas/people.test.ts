import { describe, expect, it } from "vitest";
import { AdminCreateUserInput, AuditQuery, InvitationParams, InviteInput, UpdateUserInput } from "./people";

describe("the people inputs", () => {
  it.each([
    ["a role change", { role: "REVIEWER" }, true],
    ["deactivation", { active: false }, true],
    ["profile values", { profile: { leaning: "left" } }, true],
    ["nothing to change", {}, false],
    ["an unknown role", { role: "OWNER" }, false],
    ["an unknown key", { role: "ADMIN", password: "x" }, false],
  ])("PATCH /api/admin/users/:id with %s → %s", (_, body, ok) => {
    expect(UpdateUserInput.safeParse(body).success).toBe(ok);
  });

  it("create: the email is normalised, the password optional but at least 8 characters when sent", () => {
    expect(AdminCreateUserInput.parse({ email: " Ines@Example.ORG ", name: "Ines", role: "ANALYST" })).toEqual({ email: "ines@example.org", name: "Ines", role: "ANALYST" });
    expect(AdminCreateUserInput.safeParse({ email: "a@b.org", name: "A", role: "ANALYST", password: "short" }).success).toBe(false);
  });

  it("an invitation is for an analyst unless it says otherwise", () => {
    expect(InviteInput.parse({ email: "a@b.org" })).toEqual({ email: "a@b.org", role: "ANALYST" });
  });

  it.each([
    ["a token as issued", "A".repeat(43), true],
    ["one character short", "A".repeat(42), false],
    ["with a slash", `${"A".repeat(42)}/`, false],
  ])("an invitation token: %s → %s", (_, token, ok) => {
    expect(InvitationParams.safeParse({ token }).success).toBe(ok);
  });

  it("the audit query: a cursor is an event id, the limit has a ceiling, unknown keys are refused", () => {
    expect(AuditQuery.parse({ cursor: "123", limit: "20" })).toMatchObject({ cursor: "123", limit: 20, format: "json" });
    expect(AuditQuery.safeParse({ cursor: "abc" }).success).toBe(false);
    expect(AuditQuery.safeParse({ limit: "1000" }).success).toBe(false);
    expect(AuditQuery.safeParse({ user: "x" }).success).toBe(false);
  });
});
