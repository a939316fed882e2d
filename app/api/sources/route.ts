import { readJson, route } from "@/lib/api/route";
import { requireRole } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { createSource, listNearDuplicateSources, listSources } from "@/lib/db/articles/sources";
import { MAX_REQUEST_BYTES } from "@/lib/schemas/common";
import { CreateSourceInput } from "@/lib/schemas/sources";

export const dynamic = "force-dynamic";

// GET /api/sources — with `nearDuplicates`: pairs of sources whose names differ by a typo, to merge or keep
export const GET = route(async () => {
  await requireUser();
  const [items, nearDuplicates] = await Promise.all([listSources(), listNearDuplicateSources()]);
  return Response.json({ items, nearDuplicates });
});

// POST /api/sources — analyst or above; a name taken in any spelling (case, spaces, punctuation) is 409;
// `nearDuplicates` in the answer lists sources whose names differ by a typo
export const POST = route(async ({ req }) => {
  const actor = await requireUser();
  requireRole(actor, "ANALYST");
  const input = await readJson(req, CreateSourceInput, MAX_REQUEST_BYTES);
  return Response.json(await createSource({ actor, input }), { status: 201 });
});
