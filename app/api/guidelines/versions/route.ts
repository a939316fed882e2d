import { route } from "@/lib/api/route";
import { listGuidelineVersions } from "@/lib/db/guidelines/guidelines";

export const dynamic = "force-dynamic";

// GET /api/guidelines/versions — every saved version, newest first: number, author, when, note
export const GET = route({}, async () => Response.json({ items: await listGuidelineVersions() }));
