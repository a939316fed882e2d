import { describe, expect, it } from "vitest";
import { invitationExpiry, invitationState } from "./invitation-expiry";

const created = new Date("2026-11-01T12:00:00Z");
const expiresAt = invitationExpiry(created);

describe("invitation links", () => {
  it("expire seven days after they are made", () => {
    expect(expiresAt.toISOString()).toBe("2026-11-08T12:00:00.000Z");
  });

  it.each([
    ["just made", created, null, "open"],
    ["a millisecond before expiry", new Date(expiresAt.getTime() - 1), null, "open"],
    ["at expiry", expiresAt, null, "expired"],
    ["a month later", new Date("2026-12-01T00:00:00Z"), null, "expired"],
    ["used, still within the week", created, new Date("2026-11-02T00:00:00Z"), "used"],
    ["used and since expired (used wins)", new Date("2026-12-01T00:00:00Z"), new Date("2026-11-02T00:00:00Z"), "used"],
  ] as const)("%s → %s", (_, now, acceptedAt, state) => {
    expect(invitationState({ expiresAt, acceptedAt }, now)).toBe(state);
  });
});
