import { route } from "@/lib/api/route";
import { requireSessionUser } from "@/lib/auth/session";
import { revokeToken } from "@/lib/db/accounts/tokens";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// DELETE /api/tokens/:id — revoke one of the caller's own tokens
export const DELETE = route<{ id: string }>(async ({ params }) => {
  const actor = await requireSessionUser();
  const { id } = IdParams.parse(params);
  await revokeToken({ actor, id });
  return new Response(null, { status: 204 });
});
