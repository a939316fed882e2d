import { route } from "@/lib/api/route";
import { revokeToken } from "@/lib/db/accounts/tokens";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// DELETE /api/tokens/:id — revoke one of the caller's own tokens (a session only)
export const DELETE = route({ auth: "session", params: IdParams }, async ({ actor, params }) => {
  await revokeToken({ actor, id: params.id });
  return new Response(null, { status: 204 });
});
