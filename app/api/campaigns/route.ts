import { route } from "@/lib/api/route";
import { createCampaign } from "@/lib/db/campaigns/campaigns";
import { listCampaigns } from "@/lib/db/campaigns/read";
import { CreateCampaignInput } from "@/lib/schemas/campaigns";

export const dynamic = "force-dynamic";

// GET /api/campaigns — reviewers and admins: every campaign with its progress, newest first
export const GET = route({ can: "campaign:manage" }, async ({ actor }) => Response.json({ items: await listCampaigns({ actor }) }));

// POST /api/campaigns { name, articleIds? | filter?, annotatorIds, overlap, balanceBy?, assignment, … } — a draft campaign
export const POST = route({ can: "campaign:manage", body: CreateCampaignInput }, async ({ actor, body }) =>
  Response.json(await createCampaign({ actor, input: body }), { status: 201 }),
);
