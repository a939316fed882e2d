import { readJson, route } from "@/lib/api/route";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { currentSession, requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { ChangePasswordInput } from "@/lib/schemas/user";

export const dynamic = "force-dynamic";

// PUT /api/profile/password { currentPassword, newPassword } — a session only; ends the user's other sessions
export const PUT = route(async ({ req }) => {
  const actor = await requireSessionUser();
  const session = await currentSession();
  if (!session) throw new AppError("UNAUTHENTICATED", "Sign in first: changing the password needs a session.");
  const input = await readJson(req, ChangePasswordInput, MAX_REQUEST_BYTES);
  const { endedSessions } = await changeOwnPassword({ actor, sessionId: session.sessionId, input });
  return Response.json({ ok: true, endedSessions });
});
