"use client";

import { useRouter } from "next/navigation";
import { useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/Button";
import { messageOf } from "@/lib/client/api";

/**
 * A campaign's one-click action (start, close): asks first when `confirm` is given, shows that it is
 * running, then what it did (`run`'s answer) or why it failed, and refreshes the page's data.
 */
export function CampaignActionButton({ label, busyLabel, confirm, variant, run }: { label: string; busyLabel: string; confirm?: string; variant?: ComponentProps<typeof Button>["variant"]; run: () => Promise<string | null> }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function act() {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    setProblem(null);
    try {
      setOutcome(await run());
      router.refresh();
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button {...(variant ? { variant } : {})} onClick={() => void act()} disabled={busy}>
        {busy ? busyLabel : label}
      </Button>
      {outcome && <p role="status" className="text-sm text-emerald-800">{outcome}</p>}
      {problem && <p role="alert" className="text-sm text-red-800">{problem}</p>}
    </div>
  );
}
