import { route } from "@/lib/api/route";
import { requireUser } from "@/lib/auth/session";
import { listSources } from "@/lib/db/sources";

export const dynamic = "force-dynamic";

// GET /api/sources
export const GET = route(async () => {
  await requireUser();
  return Response.json({ items: await listSources() });
});
