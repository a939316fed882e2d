import { route } from "@/lib/api/route";
import { createInvitation } from "@/lib/db/accounts/invitations";
import { env } from "@/lib/env";
import { InviteInput } from "@/lib/schemas/people";

export const dynamic = "force-dynamic";

// POST /api/admin/invitations { email, role? } → 201 { id, email, role, url, expiresAt }: a one-time link, valid 7 days, for the admin to pass on
export const POST = route({ can: "user:manage", body: InviteInput }, async ({ req, actor, body }) => {
  const invitation = await createInvitation({ actor, input: body });
  // The configured public address when Slant runs behind a proxy; else the address the admin used.
  const base = env().NEXTAUTH_URL ?? new URL(req.url).origin;
  const url = new URL(`/invite/${invitation.token}`, base).toString();
  return Response.json({ id: invitation.id, email: invitation.email, role: invitation.role, url, expiresAt: invitation.expiresAt }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
