import { route } from "@/lib/api/route";
import { deleteSource, getSource, updateSource } from "@/lib/db/articles/sources";
import { notFound } from "@/lib/errors";
import { IdParams } from "@/lib/schemas/common";
import { UpdateSourceInput } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources/:id
export const GET = route({ params: IdParams }, async ({ actor, params }) => {
  const source = await getSource({ actor, id: params.id });
  if (!source) throw notFound("Source");
  return Response.json(source);
});

// PATCH /api/sources/:id — admins: { name?, homepage?, domain?, description? } (updateSource asks the policy)
export const PATCH = route({ params: IdParams, body: UpdateSourceInput }, async ({ actor, params, body }) => Response.json(await updateSource({ actor, id: params.id, input: body })));

// DELETE /api/sources/:id — admins: a source without articles; 409 when it has some (deleteSource asks the policy)
export const DELETE = route({ params: IdParams }, async ({ actor, params }) => {
  await deleteSource({ actor, id: params.id });
  return new Response(null, { status: 204 });
});
