import { route } from "@/lib/api/route";
import { getSource, updateSource } from "@/lib/db/articles/sources";
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

// PATCH /api/sources/:id — anyone signed in: { name?, homepage?, description? }
export const PATCH = route({ params: IdParams, body: UpdateSourceInput }, async ({ actor, params, body }) => Response.json(await updateSource({ actor, id: params.id, input: body })));
