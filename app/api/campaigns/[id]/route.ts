import { route } from "@/lib/api/route";
import { updateCampaign } from "@/lib/db/campaigns/campaigns";
import { getCampaign } from "@/lib/db/campaigns/read";
import { UpdateCampaignInput } from "@/lib/schemas/campaigns";
import { IdParams } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/campaigns/:id — the campaign, its pool, its articles' panels and its shortfalls
export const GET = route({ can: "campaign:manage", params: IdParams }, async ({ actor, params }) => Response.json(await getCampaign({ actor, id: params.id })));

// PATCH /api/campaigns/:id — any setting of a draft; name, description, due date and added articles once running
export const PATCH = route({ can: "campaign:manage", params: IdParams, body: UpdateCampaignInput }, async ({ actor, params, body }) =>
  Response.json(await updateCampaign({ actor, id: params.id, input: body })),
);
