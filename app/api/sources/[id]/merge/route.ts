import { readJson, route } from "@/lib/api/route";
import { requireRole } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { mergeSources } from "@/lib/db/articles/sources";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { MergeSourceInput } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// POST /api/sources/:id/merge { intoId } — admin only: the source's articles, figures and history move to intoId
export const POST = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  requireRole(actor, "ADMIN");
  const { id } = IdParams.parse(params);
  const { intoId } = await readJson(req, MergeSourceInput, MAX_REQUEST_BYTES);
  return Response.json(await mergeSources({ actor, id, intoId }));
});
