import type { Metadata } from "next";
import Link from "next/link";
import { ReviewQueueList } from "@/components/campaigns/ReviewQueueList";
import { pageRead, requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { getReviewQueue } from "@/lib/db/campaigns/review-queue";
import { Uuid } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("/review");
  requirePage(actor, "campaign:manage");
  // ?campaignId= narrows the queue to one campaign (the dashboard links here); anything else is the whole queue.
  const wanted = Uuid.safeParse((await searchParams).campaignId);
  const queue = await pageRead(getReviewQueue({ actor, ...(wanted.success ? { campaignId: wanted.data } : {}) }));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Review queue</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Articles ready to adjudicate: in a campaign, every one of its k annotators submitted; outside campaigns, two or more did. Most disagreement first (1 − the
          article&rsquo;s unitizing alpha over all labels, as last computed; articles whose figure is not computed yet come last). An adjudicated article leaves the queue
          unless an annotator changed a span since.
        </p>
        {queue.campaign && (
          <p className="mt-2 text-sm">
            Campaign <strong>{queue.campaign.name}</strong> only ·{" "}
            <Link href="/review" className="text-blue-700 hover:underline">
              all campaigns
            </Link>
          </p>
        )}
      </div>
      <ReviewQueueList queue={queue} caption="Articles ready to adjudicate" />
    </div>
  );
}
