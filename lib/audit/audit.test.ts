import { describe, expect, it } from "vitest";
import { auditCsvHead, auditCsvLine } from "./audit-csv";
import { jsonDiff } from "./json-diff";

describe("the readable diff of before and after", () => {
  it.each([
    ["a role change", { role: "ANALYST", active: true }, { role: "ADMIN", active: true }, [{ path: "role", before: "ANALYST", after: "ADMIN" }]],
    ["a nested profile value", { profile: { leaning: "left" } }, { profile: { leaning: "right", language: "en" } }, [
      { path: "profile.language", before: undefined, after: "en" },
      { path: "profile.leaning", before: "left", after: "right" },
    ]],
    ["a create (no before)", null, { name: "X" }, [{ path: "(value)", before: null, after: { name: "X" } }]],
    ["a create with undefined before", undefined, { name: "X" }, [{ path: "name", before: undefined, after: "X" }]],
    ["no change", { a: [1, 2] }, { a: [1, 2] }, []],
    ["an array is one value", { a: [1, 2] }, { a: [2, 1] }, [{ path: "a", before: [1, 2], after: [2, 1] }]],
  ])("%s", (_, before, after, changes) => {
    expect(jsonDiff(before, after)).toEqual(changes);
  });
});

describe("the audit log as CSV", () => {
  it("says its filters, has a header, and neutralises formulas in user text", () => {
    expect(auditCsvHead({ action: "user.update" })).toBe("# Slant audit log; filters: actor=any entity=any action=user.update\r\nid,created_at,actor_id,actor_name,action,entity_type,entity_id,before,after\r\n");
    const line = auditCsvLine({ id: "7", createdAt: "2026-11-26T08:00:00.000Z", actor: { id: "u1", name: "=HYPERLINK(1)" }, action: "user.update", entityType: "user", entityId: "u2", before: { role: "ANALYST" }, after: null });
    expect(line).toBe(`7,2026-11-26T08:00:00.000Z,u1,"'=HYPERLINK(1)",user.update,user,u2,"{""role"":""ANALYST""}",\r\n`);
  });
});
