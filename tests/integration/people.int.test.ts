import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { acceptInvitation, createInvitation, findInvitation } from "../../lib/db/accounts/invitations";
import { createPerson, listPeople, updatePerson } from "../../lib/db/accounts/people";
import { resetPassword, unlockPerson } from "../../lib/db/accounts/people-access";
import { createProfileField } from "../../lib/db/accounts/profile-fields";
import { startSession } from "../../lib/db/accounts/sessions";
import { reserveSignInAttempt } from "../../lib/db/accounts/sign-in-attempts";
import { findActiveActor, findCredentials } from "../../lib/db/accounts/users";
import { auditFacets, listAuditEvents } from "../../lib/db/audit-log";
import { db } from "../../lib/db/client";
import { PER_ACCOUNT } from "../../lib/auth/rate-limit";
import { createAnnotation } from "../../lib/db/spans/annotations";
import { getCompareData } from "../../lib/db/spans/compare";
import { seedLabels } from "../../lib/db/seed";
import { loadSeeds } from "../../seeds/load";
import { makeArticle, makeUser, unique } from "../support/factories";

const email = () => `${unique("invitee")}@test.example`;

/** Every other active admin is made a reviewer, so the test's admins are the only ones (restored afterwards by the test). */
async function onlyAdmins(ids: string[]): Promise<() => Promise<void>> {
  const others = await db().user.findMany({ where: { role: "ADMIN", deactivatedAt: null, id: { notIn: ids } }, select: { id: true } });
  await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: "REVIEWER" } });
  return async () => void (await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: "ADMIN" } }));
}

describe("invitations", () => {
  it("make an account once: of two people using one link at once, exactly one gets it; a second use is refused and changes nothing", async () => {
    const admin = await makeUser("ADMIN");
    const invitee = email();
    const { token, role } = await createInvitation({ actor: admin, input: { email: invitee, role: "ANALYST" } });
    expect(role).toBe("ANALYST");
    expect(await findInvitation(token)).toMatchObject({ email: invitee, state: "open" });
    const results = await Promise.allSettled([
      acceptInvitation({ token, input: { name: "First", password: "first password" } }),
      acceptInvitation({ token, input: { name: "Second", password: "second password" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db().user.count({ where: { email: invitee } })).toBe(1);
    expect(await findInvitation(token)).toMatchObject({ state: "used" });
    await expect(acceptInvitation({ token, input: { name: "Later", password: "later password" } })).rejects.toMatchObject({ code: "CONFLICT", details: { state: "used" } });
  });

  it("an expired link is refused and makes no account; an unknown one is 404", async () => {
    const admin = await makeUser("ADMIN");
    const invitee = email();
    const { token } = await createInvitation({ actor: admin, input: { email: invitee, role: "REVIEWER" }, now: new Date(Date.now() - 8 * 24 * 3600 * 1000) });
    expect(await findInvitation(token)).toMatchObject({ state: "expired" });
    await expect(acceptInvitation({ token, input: { name: "Late", password: "late password" } })).rejects.toMatchObject({ code: "CONFLICT", details: { state: "expired" } });
    expect(await db().user.count({ where: { email: invitee } })).toBe(0);
    await expect(acceptInvitation({ token: "x".repeat(43), input: { name: "N", password: "some password" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("carry the role, store only a hash, and refuse an email that has an account", async () => {
    const admin = await makeUser("ADMIN");
    const invitee = email();
    const { token, id } = await createInvitation({ actor: admin, input: { email: invitee, role: "REVIEWER" } });
    const stored = await db().invitation.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    const user = await acceptInvitation({ token, input: { name: "Rev", password: "reviewer password" } });
    expect(user.role).toBe("REVIEWER");
    await expect(createInvitation({ actor: admin, input: { email: invitee, role: "ANALYST" } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createInvitation({ actor: await makeUser("REVIEWER"), input: { email: email(), role: "ANALYST" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the last active admin", () => {
  it("two admins demoting each other at once: one succeeds, the other is refused", async () => {
    const [a, b] = [await makeUser("ADMIN"), await makeUser("ADMIN")];
    const restore = await onlyAdmins([a.id, b.id]);
    try {
      const results = await Promise.allSettled([
        updatePerson({ actor: a, id: b.id, input: { role: "ANALYST" } }),
        updatePerson({ actor: b, id: a.id, input: { active: false } }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
      expect(await db().user.count({ where: { id: { in: [a.id, b.id] }, role: "ADMIN", deactivatedAt: null } })).toBe(1);
    } finally {
      await restore();
    }
  });

  it("cannot be demoted or deactivated; another admin can, and the change is audited with before and after", async () => {
    const [a, b] = [await makeUser("ADMIN"), await makeUser("REVIEWER")];
    const restore = await onlyAdmins([a.id]);
    try {
      await expect(updatePerson({ actor: a, id: a.id, input: { role: "REVIEWER" } })).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(updatePerson({ actor: a, id: a.id, input: { active: false } })).rejects.toMatchObject({ code: "CONFLICT" });
      await updatePerson({ actor: a, id: b.id, input: { role: "ADMIN" } });
      // Two admins now: either may step down.
      await updatePerson({ actor: a, id: b.id, input: { active: false } });
      await expect(updatePerson({ actor: a, id: a.id, input: { role: "ANALYST" } })).rejects.toMatchObject({ code: "CONFLICT" });
      const after = await updatePerson({ actor: a, id: b.id, input: { active: true, role: "ANALYST" } });
      expect(after).toMatchObject({ role: "ANALYST", active: true });
      const { items } = await listAuditEvents({ actor: a, query: { entity: "user", action: "user.update", limit: 1 } });
      expect(items[0]).toMatchObject({ entityId: b.id, before: { role: "ADMIN", active: false }, after: { role: "ANALYST", active: true } });
    } finally {
      await restore();
    }
  });
});

describe("people", () => {
  it("create with a temporary password shown once, list with spans and status, and profile values checked against the fields and shown to reviewers", async () => {
    await seedLabels(db(), (await loadSeeds()).labels);
    const admin = await makeUser("ADMIN");
    const created = await createPerson({ actor: admin, input: { email: email(), name: "Temp", role: "ANALYST" } });
    expect(created.temporaryPassword).toMatch(/^[\w-]{16}$/);
    expect(await verifyPassword((await findCredentials(created.user.email))!.passwordHash, created.temporaryPassword!)).toBe(true);
    await expect(createPerson({ actor: admin, input: { email: created.user.email, name: "Again", role: "ANALYST" } })).rejects.toMatchObject({ code: "CONFLICT" });

    const key = unique("lean").replace("-", "_");
    await createProfileField({ actor: admin, input: { key, name: "Leaning", type: "CHOICE", options: ["left", "centre", "right"] } });
    const updated = await updatePerson({ actor: admin, id: created.user.id, input: { profile: { [key]: "centre" } } });
    expect(updated.profile[key]).toBe("centre");
    const before = await db().user.findUniqueOrThrow({ where: { id: created.user.id }, select: { profile: true } });
    await expect(updatePerson({ actor: admin, id: created.user.id, input: { profile: { [key]: "far" } } })).rejects.toMatchObject({ name: "ZodError" });
    await expect(updatePerson({ actor: admin, id: created.user.id, input: { profile: { nosuchfield: "x" } } })).rejects.toMatchObject({ name: "ZodError" });
    expect((await db().user.findUniqueOrThrow({ where: { id: created.user.id }, select: { profile: true } })).profile).toEqual(before.profile);

    const listed = (await listPeople({ actor: admin })).find((p) => p.id === created.user.id);
    expect(listed).toMatchObject({ active: true, locked: false, spans: 0, lastSignInAt: null });
    await startSession(created.user.id);
    expect((await listPeople({ actor: admin })).find((p) => p.id === created.user.id)?.lastSignInAt).not.toBeNull();
    await expect(listPeople({ actor: await makeUser("REVIEWER") })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Reviewers see the values where they judge the work: beside each rater on the compare view.
    const reviewer = await makeUser("REVIEWER");
    const other = await makeUser("ANALYST");
    const person = { ...created.user, role: "ANALYST" as const };
    const article = await makeArticle(person, { body: `Minister ${unique("profiled")} said so.` });
    for (const actor of [person, other]) await createAnnotation({ actor, articleId: article.id, input: { label: "claim", start: 0, end: 8, quote: "Minister" } });
    const compared = await getCompareData({ actor: reviewer, articleId: article.id });
    expect(compared.raters.find((r) => r.id === person.id)?.profile).toContainEqual({ field: "Leaning", value: "centre" });
    expect(compared.raters.find((r) => r.id === other.id)?.profile).toEqual([]);
  });

  it("a password reset ends every session of the user and unlocks the account; unlock alone lifts the lock", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser();
    const sessions = [await startSession(user.id), await startSession(user.id)];
    for (let i = 0; i < PER_ACCOUNT.maxAttempts; i++) await reserveSignInAttempt(`account:${user.email}`, PER_ACCOUNT);
    expect((await listPeople({ actor: admin })).find((p) => p.id === user.id)?.locked).toBe(true);
    expect(await unlockPerson({ actor: admin, id: user.id })).toMatchObject({ locked: false });
    expect((await listPeople({ actor: admin })).find((p) => p.id === user.id)?.locked).toBe(false);

    const { temporaryPassword, endedSessions } = await resetPassword({ actor: admin, id: user.id, input: {} });
    expect(endedSessions).toBe(2);
    for (const s of sessions) expect(await findActiveActor(user.id, s)).toBeNull();
    expect(await verifyPassword((await findCredentials(user.email))!.passwordHash, temporaryPassword)).toBe(true);
    const { items } = await listAuditEvents({ actor: admin, query: { actor: admin.id, limit: 10 } });
    expect(items.map((e) => e.action)).toEqual(["user.password-reset", "user.unlock"]);
    expect(JSON.stringify(items)).not.toContain(temporaryPassword);
  });
});

describe("the audit log", () => {
  it("filters by actor, entity and action, and pages by cursor without repeats or gaps", async () => {
    const admin = await makeUser("ADMIN");
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await createPerson({ actor: admin, input: { email: email(), name: `P${i}`, role: "ANALYST", password: "a long password" } }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents({ actor: admin, query: { actor: admin.id, entity: "user", action: "user.create", limit: 2, ...(cursor ? { cursor } : {}) } });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.entityId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(people.map((p) => p.user.id).reverse());
    expect((await listAuditEvents({ actor: admin, query: { actor: admin.id, action: "user.update", limit: 10 } })).items).toEqual([]);
    const facets = await auditFacets({ actor: admin });
    expect(facets.entities).toContain("user");
    expect(facets.actions).toContain("user.create");
    expect(facets.actors).toContainEqual({ id: admin.id, name: admin.name });
    await expect(listAuditEvents({ actor: await makeUser("REVIEWER"), query: { limit: 1 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
