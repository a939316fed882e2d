import { z } from "zod";
import { route } from "@/lib/api/route";
import { getReviewQueue } from "@/lib/db/campaigns/review-queue";
import { Uuid } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

const ReviewQueueQuery = z.object({ campaignId: Uuid.optional() });

// GET /api/review-queue?campaignId= — articles ready to adjudicate, most disagreement first
export const GET = route({ can: "campaign:manage", query: ReviewQueueQuery }, async ({ actor, query }) =>
  Response.json(await getReviewQueue({ actor, ...(query.campaignId ? { campaignId: query.campaignId } : {}) })),
);
