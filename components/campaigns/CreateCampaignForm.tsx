"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { MultiSelect } from "@/components/datasets/MultiSelect";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import { api, ApiError, fieldErrorsOf } from "@/lib/client/api";
import { CampaignDetail, type CampaignFormChoices } from "@/lib/schemas/responses/campaigns";
import { AnnotatorPicker } from "./AnnotatorPicker";

const MODES = [
  { value: "static", label: "Static: all set at start" },
  { value: "dynamic", label: "Dynamic: analysts pull" },
];

/** A new campaign (a draft): the articles by filter or by hand, the pool, k, balance, assignment and due date. */
export function CreateCampaignForm({ choices }: { choices: CampaignFormChoices }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [by, setBy] = useState<"filter" | "hand">("filter");
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [articleIds, setArticleIds] = useState<string[]>([]);
  const [annotatorIds, setAnnotatorIds] = useState<string[]>([]);
  const [overlap, setOverlap] = useState("3");
  const [balanceBy, setBalanceBy] = useState("");
  const [mode, setMode] = useState("static");
  const [abandonAfter, setAbandonAfter] = useState("");
  const [dueAt, setDueAt] = useState("");
  const [labels, setLabels] = useState<string[]>([]);
  const [guidelineVersion, setGuidelineVersion] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setProblem(null);
    setBusy(true);
    const body = {
      name,
      ...(description.trim() ? { description } : {}),
      ...(by === "hand" ? { articleIds } : { filter: { ...(sourceIds.length ? { sourceIds } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) } }),
      annotatorIds,
      overlap: Number(overlap),
      ...(balanceBy ? { balanceBy } : {}),
      assignment: mode,
      ...(mode === "dynamic" && abandonAfter ? { abandonAfterMinutes: Number(abandonAfter) } : {}),
      ...(dueAt ? { dueAt } : {}),
      ...(labels.length ? { labels } : {}),
      ...(guidelineVersion ? { guidelineVersion: Number(guidelineVersion) } : {}),
    };
    try {
      const created = await api("POST", "/api/campaigns", { body, schema: CampaignDetail });
      router.push(`/campaigns/${created.id}`);
    } catch (e) {
      setProblem(e instanceof ApiError ? [e.message, ...fieldErrorsOf(e)].join(" ") : String(e));
      setBusy(false);
    }
  }

  const balanceOptions = [{ value: "", label: "No balancing" }, ...choices.balanceFields.map((f) => ({ value: f.key, label: `${f.name} (${f.options.join(", ")})` }))];
  return (
    <form
      aria-label="New campaign"
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h2 className="text-lg font-semibold">New campaign</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        <TextField label="Due date" type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
      </div>
      <div>
        <label htmlFor="campaign-description" className="mb-1 block text-sm font-medium text-slate-700">
          Description <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <textarea id="campaign-description" value={description} onChange={(e) => setDescription(e.target.value)} rows={2} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">Articles</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="articles-by" checked={by === "filter"} onChange={() => setBy("filter")} /> By source and date
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="articles-by" checked={by === "hand"} onChange={() => setBy("hand")} /> By hand
          </label>
        </div>
        {by === "filter" ? (
          <div className="grid gap-4 md:grid-cols-3">
            <MultiSelect label="Sources" options={choices.sources.map((s) => ({ value: s.id, label: s.name }))} selected={sourceIds} onChange={setSourceIds} hint="None selected: every source" />
            <TextField label="Published from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            <TextField label="Published to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        ) : (
          <MultiSelect
            label="Articles (newest first)"
            options={choices.articles.map((a) => ({ value: a.id, label: `${a.title} — ${a.source}` }))}
            selected={articleIds}
            onChange={setArticleIds}
            hint="Ctrl- or Cmd-click to choose several; more can be added after creating"
          />
        )}
      </fieldset>

      <AnnotatorPicker people={choices.people} fields={choices.balanceFields} selected={annotatorIds} onChange={setAnnotatorIds} />

      <div className="grid gap-4 md:grid-cols-3">
        <TextField label="Annotators per article (k)" type="number" min={1} max={20} value={overlap} onChange={(e) => setOverlap(e.target.value)} required />
        <SelectField label="Balance panels by" value={balanceBy} onChange={(e) => setBalanceBy(e.target.value)} options={balanceOptions} />
        <SelectField label="Assignment" value={mode} onChange={(e) => setMode(e.target.value)} options={MODES} />
      </div>
      {mode === "dynamic" && (
        <div className="max-w-xs">
          <TextField label="Back to the pool after (minutes idle)" type="number" min={1} value={abandonAfter} onChange={(e) => setAbandonAfter(e.target.value)} placeholder="never" />
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <MultiSelect label="Labels" options={choices.labels.map((l) => ({ value: l.key, label: l.name }))} selected={labels} onChange={setLabels} hint="None selected: every label" />
        <SelectField
          label="Guideline version"
          value={guidelineVersion}
          onChange={(e) => setGuidelineVersion(e.target.value)}
          options={[{ value: "", label: "The latest" }, ...choices.guidelineVersions.map((n) => ({ value: String(n), label: `Version ${n}` }))]}
        />
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      <Button type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create campaign"}
      </Button>
    </form>
  );
}
