import { route } from "@/lib/api/route";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { ChangePasswordInput } from "@/lib/schemas/user";

export const dynamic = "force-dynamic";

// PUT /api/profile/password { currentPassword, newPassword } — a session only; ends the user's other sessions
export const PUT = route({ auth: "session", body: ChangePasswordInput }, async ({ actor, sessionId, body }) => {
  const { endedSessions } = await changeOwnPassword({ actor, sessionId, input: body });
  return Response.json({ ok: true, endedSessions });
});
