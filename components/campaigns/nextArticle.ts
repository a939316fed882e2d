import { api } from "@/lib/client/api";
import { MyWork, NextArticle } from "@/lib/schemas/responses/campaigns";

/**
 * The person's next article in a campaign, or null when nothing is left: in a static campaign
 * the first of theirs not yet submitted (other than `after`); in a dynamic one, a pull.
 */
export async function nextArticleOf(campaign: { id: string; assignment: "static" | "dynamic" }, after?: string): Promise<string | null> {
  if (campaign.assignment === "dynamic") {
    const next = await api("POST", `/api/campaigns/${campaign.id}/next`, { schema: NextArticle.optional() });
    return next?.articleId ?? null;
  }
  const work = await api("GET", "/api/work", { schema: MyWork, cache: "no-store" });
  const mine = work.campaigns.find((c) => c.id === campaign.id);
  return mine?.items.find((i) => i.status !== "SUBMITTED" && i.articleId !== after)?.articleId ?? null;
}
