import { route } from "@/lib/api/route";
import { createInvitation } from "@/lib/db/accounts/invitations";
import { env } from "@/lib/env";
import { invitationMessage } from "@/lib/mail/invitation-message";
import { sendMail } from "@/lib/mail/send";
import { InviteInput } from "@/lib/schemas/people";

export const dynamic = "force-dynamic";

// POST /api/admin/invitations { email, role? } → 201 { id, email, role, url, expiresAt, emailed, emailProblem? }: a one-time link, valid 7 days,
// for the admin to pass on, also emailed when SLANT_SMTP_URL is set
export const POST = route({ can: "user:manage", body: InviteInput }, async ({ req, actor, body }) => {
  const invitation = await createInvitation({ actor, input: body });
  // The configured public address when Slant runs behind a proxy; else the address the admin used.
  const { NEXTAUTH_URL, SLANT_SMTP_URL, SLANT_MAIL_FROM } = env();
  const url = new URL(`/invite/${invitation.token}`, NEXTAUTH_URL ?? new URL(req.url).origin).toString();
  const mail = SLANT_SMTP_URL
    ? await sendMail({ smtpUrl: SLANT_SMTP_URL, from: SLANT_MAIL_FROM }, invitationMessage({ to: invitation.email, inviter: actor.name, role: invitation.role, url, expiresAt: new Date(invitation.expiresAt) }))
    : null;
  return Response.json(
    { id: invitation.id, email: invitation.email, role: invitation.role, url, expiresAt: invitation.expiresAt, emailed: mail?.sent === true, ...(mail && !mail.sent ? { emailProblem: mail.reason } : {}) },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
});
