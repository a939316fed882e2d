import { checkDatabase } from "@/lib/db/health";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// GET /api/health — no auth: for load balancers and the start script.
export async function GET() {
  const database = env().SLANT_DATABASE_MODE;
  if (!(await checkDatabase())) {
    return Response.json({ status: "unavailable", database, error: "The database is not reachable." }, { status: 503 });
  }
  return Response.json({ status: "ok", database });
}
