import type { Metadata } from "next";
import { WorkList } from "@/components/campaigns/WorkList";
import { requirePageUser } from "@/lib/auth/session";
import { listMyWork } from "@/lib/db/campaigns/work";

export const metadata: Metadata = { title: "My work" };

export default async function WorkPage() {
  const actor = await requirePageUser("/work");
  const work = await listMyWork({ actor });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">My work</h1>
      <WorkList work={work} />
    </div>
  );
}
