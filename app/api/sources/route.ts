import { route } from "@/lib/api/route";
import { createSource, listNearDuplicateSources, listSources } from "@/lib/db/articles/sources";
import { CreateSourceInput } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources — with `nearDuplicates`: pairs of sources whose names differ by a typo, to merge or keep
export const GET = route({}, async () => {
  const [items, nearDuplicates] = await Promise.all([listSources(), listNearDuplicateSources()]);
  return Response.json({ items, nearDuplicates });
});

// POST /api/sources — anyone signed in; a name taken in any spelling (case, spaces, punctuation) is 409;
// `nearDuplicates` in the answer lists sources whose names differ by a typo
export const POST = route({ body: CreateSourceInput }, async ({ actor, body }) => Response.json(await createSource({ actor, input: body }), { status: 201 }));
