import { readJson, route } from "@/lib/api/route";
import { requireRole } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getSource, updateSource } from "@/lib/db/articles/sources";
import { notFound } from "@/lib/errors";
import { IdParams, MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { UpdateSourceInput } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources/:id
export const GET = route<{ id: string }>(async ({ params }) => {
  const actor = await requireUser();
  const { id } = IdParams.parse(params);
  const source = await getSource({ actor, id });
  if (!source) throw notFound("Source");
  return Response.json(source);
});

// PATCH /api/sources/:id — analyst or above: { name?, homepage?, description? }
export const PATCH = route<{ id: string }>(async ({ req, params }) => {
  const actor = await requireUser();
  requireRole(actor, "ANALYST");
  const { id } = IdParams.parse(params);
  const input = await readJson(req, UpdateSourceInput, MAX_REQUEST_BYTES);
  return Response.json(await updateSource({ actor, id, input }));
});
