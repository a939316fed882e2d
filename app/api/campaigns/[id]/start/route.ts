import { route } from "@/lib/api/route";
import { startCampaign } from "@/lib/db/campaigns/start";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/campaigns/:id/start — static: the whole matrix is handed out (shortfalls reported); dynamic: pulls may begin
export const POST = route({ can: "campaign:manage", params: IdParams }, async ({ actor, params }) => Response.json(await startCampaign({ actor, id: params.id })));
