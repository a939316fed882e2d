import { route } from "@/lib/api/route";
import { endOwnSession } from "@/lib/db/accounts/sessions";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// DELETE /api/profile/sessions/:id → 204: signs that session of the user out (404 for anyone else's; a session only)
export const DELETE = route({ auth: "session", params: IdParams }, async ({ actor, params }) => {
  await endOwnSession({ actor, sessionId: params.id });
  return new Response(null, { status: 204 });
});
