import { route } from "@/lib/api/route";
import { resetPassword } from "@/lib/db/accounts/people-access";
import { PasswordResetInput, UserParams } from "@/lib/schemas/people";

export const dynamic = "force-dynamic";

// POST /api/admin/users/:id/password-reset { password? } → { temporaryPassword, endedSessions }: every session of the user ends (admins)
export const POST = route({ can: "user:manage", params: UserParams, body: PasswordResetInput }, async ({ actor, params, body }) =>
  Response.json(await resetPassword({ actor, id: params.id, input: body }), { headers: { "Cache-Control": "no-store" } }),
);
