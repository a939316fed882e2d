import { route } from "@/lib/api/route";
import { deleteGold, updateGold } from "@/lib/db/spans/gold";
import { IdParams } from "@/lib/schemas/common";
import { UpdateGoldInput } from "@/lib/schemas/gold";

export const dynamic = "force-dynamic";

// PATCH /api/gold/:id — { version, label?, start?, end?, quote?, note? }; 409 on a stale version (reviewers)
export const PATCH = route({ params: IdParams, body: UpdateGoldInput }, async ({ actor, params, body }) => Response.json(await updateGold({ actor, id: params.id, input: body })));

// DELETE /api/gold/:id — remove a span from gold (reviewers)
export const DELETE = route({ params: IdParams }, async ({ actor, params }) => {
  await deleteGold({ actor, id: params.id });
  return new Response(null, { status: 204 });
});
