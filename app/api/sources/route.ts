import { readJson, route } from "@/lib/api/route";
import { requireRole } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { createSource, listSources } from "@/lib/db/sources";
import { MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { CreateSourceInput } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources
export const GET = route(async () => {
  await requireUser();
  return Response.json({ items: await listSources() });
});

// POST /api/sources — analyst or above; a taken name is 409
export const POST = route(async ({ req }) => {
  const actor = await requireUser();
  requireRole(actor, "ANALYST");
  const input = await readJson(req, CreateSourceInput, MAX_REQUEST_BYTES);
  return Response.json(await createSource({ actor, input }), { status: 201 });
});
