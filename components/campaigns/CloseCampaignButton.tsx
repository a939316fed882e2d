"use client";

import { api } from "@/lib/client/api";
import { CampaignDetail } from "@/lib/schemas/responses/campaigns";
import { CampaignActionButton } from "./CampaignActionButton";

/** Ends a campaign: nothing more is handed out; what was handed out stays on the analysts' My work. */
export function CloseCampaignButton({ id }: { id: string }) {
  return (
    <CampaignActionButton
      label="Close campaign"
      busyLabel="Closing…"
      variant="secondary"
      confirm="Close this campaign? Nothing more is handed out; work already handed out stays with the analysts."
      run={async () => {
        await api("PATCH", `/api/campaigns/${id}`, { body: { status: "CLOSED" }, schema: CampaignDetail });
        return null;
      }}
    />
  );
}
