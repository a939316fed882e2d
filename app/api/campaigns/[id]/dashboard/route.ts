import { route } from "@/lib/api/route";
import { getCampaignDashboard } from "@/lib/db/campaigns/dashboard";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/campaigns/:id/dashboard — progress, agreement per label and by panel group, per-annotator figures and outliers
export const GET = route({ can: "campaign:manage", params: IdParams }, async ({ actor, params }) => Response.json(await getCampaignDashboard({ actor, id: params.id })));
