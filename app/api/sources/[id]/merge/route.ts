import { route } from "@/lib/api/route";
import { mergeSources } from "@/lib/db/articles/sources";
import { IdParams } from "@/lib/schemas/common";
import { MergeSourceInput } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// POST /api/sources/:id/merge { intoId } — admin only: the source's articles, figures and history move to intoId
export const POST = route({ can: "source:merge", params: IdParams, body: MergeSourceInput }, async ({ actor, params, body }) =>
  Response.json(await mergeSources({ actor, id: params.id, intoId: body.intoId })),
);
