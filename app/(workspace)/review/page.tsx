import type { Metadata } from "next";
import { ReviewQueueList } from "@/components/campaigns/ReviewQueueList";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { getReviewQueue } from "@/lib/db/campaigns/review-queue";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewPage() {
  const actor = await requirePageUser("/review");
  requirePage(actor, "campaign:manage");
  const queue = await getReviewQueue({ actor });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Review queue</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Articles ready to adjudicate: in a campaign, every one of its k annotators submitted; outside campaigns, two or more did. Most disagreement first (1 − the
          article&rsquo;s unitizing alpha over all labels, as last computed; articles whose figure is not computed yet come last). An adjudicated article leaves the queue
          unless an annotator changed a span since.
        </p>
      </div>
      <ReviewQueueList queue={queue} caption="Articles ready to adjudicate" />
    </div>
  );
}
