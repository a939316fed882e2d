"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { messageOf } from "@/lib/client/api";
import { nextArticleOf } from "./nextArticle";

/** Dynamic campaigns: pull the next article (the one already held comes back first) and open it. */
export function NextArticleButton({ campaignId, campaignName }: { campaignId: string; campaignName: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  async function pull() {
    setBusy(true);
    setNote(null);
    try {
      const articleId = await nextArticleOf({ id: campaignId, assignment: "dynamic" });
      if (articleId) return router.push(`/articles/${articleId}`);
      setNote("Nothing left for you in this campaign right now.");
    } catch (e) {
      setNote(messageOf(e));
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={() => void pull()} disabled={busy} aria-label={`Next article in ${campaignName}`}>
        {busy ? "Finding…" : "Next article"}
      </Button>
      {note && <p role="status" className="text-sm text-slate-700">{note}</p>}
    </div>
  );
}
