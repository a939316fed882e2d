import { describe, expect, it } from "vitest";
import { invitationMessage } from "./invitation-message";

describe("invitationMessage", () => {
  it("names the inviter, the role, the link and its expiry, in plain text", () => {
    const message = invitationMessage({ to: "ana@example.org", inviter: "Rosa Admin", role: "ANALYST", url: "https://slant.example.org/invite/abc", expiresAt: new Date("2026-12-03T09:30:00Z") });
    expect(message).toEqual({
      to: "ana@example.org",
      subject: "Rosa Admin invites you to Slant",
      text: expect.stringContaining("https://slant.example.org/invite/abc"),
    });
    expect(message.text).toMatch(/work as an analyst\./);
    expect(message.text).toMatch(/until 3 December 2026 at 09:30 \(UTC\)/);
    expect(invitationMessage({ to: "r@example.org", inviter: "R", role: "REVIEWER", url: "u", expiresAt: new Date() }).text).toMatch(/as a reviewer\./);
  });
});
