import { route } from "@/lib/api/route";
import { listMyWork } from "@/lib/db/campaigns/work";

export const dynamic = "force-dynamic";

// GET /api/work — the signed-in person's campaign articles by campaign, with status, due date and progress
export const GET = route({}, async ({ actor }) => Response.json(await listMyWork({ actor })));
