// The invitation email's words: plain text (no HTML to sanitise, nothing a
// mail client would load), naming who invites, the role, the link and until
// when it works.

export type InvitationMail = { to: string; inviter: string; role: string; url: string; expiresAt: Date };

export function invitationMessage(invitation: InvitationMail): { to: string; subject: string; text: string } {
  const until = invitation.expiresAt.toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  return {
    to: invitation.to,
    subject: `${invitation.inviter} invites you to Slant`,
    text: [
      `${invitation.inviter} invites you to Slant, where you will work as ${/^[aeiou]/i.test(invitation.role) ? "an" : "a"} ${invitation.role.toLowerCase()}.`,
      "",
      "Open this link to choose your name and password:",
      invitation.url,
      "",
      `The link works once, until ${until} (UTC). If you did not expect this invitation, ignore this message.`,
    ].join("\n"),
  };
}
