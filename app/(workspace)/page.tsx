import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { hasCampaignWork } from "@/lib/db/campaigns/form-choices";

/** Home: My work for whoever has campaign work, the articles otherwise. */
export default async function Home() {
  const actor = await requirePageUser("/");
  redirect((await hasCampaignWork({ actor })) ? "/work" : "/articles");
}
