import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddArticlesForm } from "@/components/campaigns/AddArticlesForm";
import { CampaignDashboardView } from "@/components/campaigns/CampaignDashboardView";
import { CampaignPanels } from "@/components/campaigns/CampaignPanels";
import { DueDate, ProgressBar, StatusBadge } from "@/components/campaigns/parts";
import { CloseCampaignButton } from "@/components/campaigns/CloseCampaignButton";
import { StartCampaignButton } from "@/components/campaigns/StartCampaignButton";
import { pageRead, requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { listSources } from "@/lib/db/articles/sources";
import { getCampaignDashboard } from "@/lib/db/campaigns/dashboard";
import { getCampaign } from "@/lib/db/campaigns/read";
import { listLabels } from "@/lib/db/labels/list";
import { Uuid } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageUser(`/campaigns/${id}`);
  requirePage(actor, "campaign:manage");
  if (!Uuid.safeParse(id).success) notFound();
  const [c, sources, dashboard, labels] = await Promise.all([pageRead(getCampaign({ actor, id })), listSources(), pageRead(getCampaignDashboard({ actor, id })), listLabels()]);
  const settings = [
    `${c.articleCount.toLocaleString("en")} articles`,
    `k = ${c.overlap}`,
    c.assignment === "static" ? "static assignment" : `dynamic assignment${c.abandonAfterMinutes ? `, back to the pool after ${c.abandonAfterMinutes} idle minutes` : ""}`,
    c.balanceBy ? `balanced by ${c.balanceName ?? c.balanceBy} (${c.balanceOptions.join(", ")})` : "no balancing",
    c.guidelineVersion ? `guideline v${c.guidelineVersion}` : null,
    c.labels.length ? `labels: ${c.labels.join(", ")}` : null,
  ].filter(Boolean);
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <p className="text-sm">
          <Link href="/campaigns" className="text-blue-700 hover:underline">
            ← Campaigns
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {c.name} <StatusBadge status={c.status} />
        </h1>
        {c.description && <p className="max-w-3xl text-sm text-slate-700">{c.description}</p>}
        <p className="text-sm text-slate-600">{settings.join(" · ")}</p>
        <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
          <ProgressBar done={c.progress.submitted} total={c.progress.slots} label="Campaign progress" />
          <DueDate dueAt={c.dueAt} />
        </div>
        <div className="flex flex-wrap gap-3">
          {c.status === "DRAFT" && <StartCampaignButton id={c.id} assignment={c.assignment} />}
          {c.status !== "CLOSED" && <CloseCampaignButton id={c.id} />}
        </div>
      </div>

      {c.status !== "DRAFT" && <CampaignDashboardView dashboard={dashboard} labelNames={Object.fromEntries(labels.map((l) => [l.key, l.name]))} />}

      {c.shortfalls.length > 0 && (
        <section aria-labelledby="shortfalls" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="shortfalls" className="font-semibold text-amber-950">
            Shortfalls ({c.shortfalls.length})
          </h2>
          <p className="mb-2 text-sm text-amber-950">Articles the pool could not give a full or balanced panel; they were filled from the least loaded others.</p>
          <ul className="max-h-60 space-y-1 overflow-y-auto text-sm">
            {c.shortfalls.map((s) => (
              <li key={s.articleId}>
                <span className="font-medium">{s.title}</span>: {s.reason}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="annotators" className="space-y-2">
        <h2 id="annotators" className="text-lg font-semibold">
          Annotators
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {c.members.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <p className="font-medium">
                {m.name} {c.balanceBy && <span className="text-xs font-normal text-slate-500">{m.group ?? `no ${c.balanceBy}`}</span>}
              </p>
              <p className="text-slate-600">
                {m.submitted} of {m.handedOut} submitted
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="articles" className="space-y-2">
        <h2 id="articles" className="text-lg font-semibold">
          Articles and panels
        </h2>
        <CampaignPanels campaign={c} />
      </section>

      {c.status !== "CLOSED" && <AddArticlesForm id={c.id} sources={sources.map((s) => ({ id: s.id, name: s.name }))} handsOutNow={c.status === "RUNNING" && c.assignment === "static"} />}
    </div>
  );
}
