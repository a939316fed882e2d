import { readJson, route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { deleteGold, updateGold } from "@/lib/db/spans/gold";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { UpdateGoldInput } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// PATCH /api/gold/:id — { version, label?, start?, end?, quote?, note? }; 409 on a stale version (reviewers)
export const PATCH = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const input = await readJson(req, UpdateGoldInput, MAX_REQUEST_BYTES);
  return Response.json(await updateGold({ actor, id, input }));
});

// DELETE /api/gold/:id — remove a span from gold (reviewers)
export const DELETE = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  await deleteGold({ actor, id });
  return new Response(null, { status: 204 });
});
