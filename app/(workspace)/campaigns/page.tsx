import type { Metadata } from "next";
import { CampaignList } from "@/components/campaigns/CampaignList";
import { CreateCampaignForm } from "@/components/campaigns/CreateCampaignForm";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { campaignFormChoices } from "@/lib/db/campaigns/form-choices";
import { listCampaigns } from "@/lib/db/campaigns/read";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const actor = await requirePageUser("/campaigns");
  requirePage(actor, "campaign:manage");
  const [items, choices] = await Promise.all([listCampaigns({ actor }), campaignFormChoices({ actor })]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Campaigns</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">Hand articles to a pool of annotators, k per article, with panels balanced by a profile field. Analysts find their articles under My work.</p>
      </div>
      <CampaignList items={items} />
      <CreateCampaignForm choices={choices} />
    </div>
  );
}
