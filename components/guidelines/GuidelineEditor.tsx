"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { api, ApiError, fieldErrorsOf } from "@/lib/client/api";
import { labelSections, type LabelRef } from "@/lib/guidelines/sections";
import { MAX_GUIDELINE_CHARS } from "@/lib/schemas/guidelines";
import { GuidelineView } from "@/lib/schemas/responses/guidelines";
import { GuidelineMarkdown } from "./GuidelineMarkdown";
import { LabelSectionChecklist } from "./LabelSectionChecklist";

type Conflict = { latest: number };

/**
 * Edits the guideline and saves a new version on top of the one it opened
 * (`baseVersion`): if another admin saved meanwhile the API answers 409 and
 * the text typed here stays, with the choice to look at theirs first.
 */
export function GuidelineEditor({ initial, labels }: { initial: GuidelineView; labels: LabelRef[] }) {
  const router = useRouter();
  const ids = { text: useId(), note: useId() };
  const [markdown, setMarkdown] = useState(initial.markdown);
  const [base, setBase] = useState(initial.number);
  const [note, setNote] = useState("");
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: "saved" | "error"; text: string } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const sections = useMemo(() => labelSections(markdown, labels), [markdown, labels]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setMessage(null);
    try {
      const saved = await api("PUT", "/api/guidelines", { body: { markdown, baseVersion: base, ...(note.trim() ? { note: note.trim() } : {}) }, schema: GuidelineView });
      setBase(saved.number);
      setNote("");
      setConflict(null);
      setMessage({ kind: "saved", text: `Saved as version ${saved.number}.` });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const latest = (error.details as { latest?: unknown } | null)?.latest;
        setConflict({ latest: typeof latest === "number" ? latest : base + 1 });
      }
      setMessage({ kind: "error", text: error instanceof ApiError ? [error.message, ...fieldErrorsOf(error)].join(" ") : String(error) });
    } finally {
      setSaving(false);
    }
  }

  const tabClass = (active: boolean) =>
    `rounded-t-md border border-b-0 px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 ${active ? "border-slate-300 bg-white text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`;

  return (
    <form onSubmit={save} className="space-y-3" aria-label="Edit the guideline">
      <p className="text-sm text-slate-600">
        Editing on top of {base === 0 ? "an empty guideline" : `version ${base}`}. Give each label a section headed <code className="rounded bg-slate-100 px-1">## Label name</code>: the annotator shows it on hover.
      </p>
      <div role="tablist" aria-label="Editor view" className="flex gap-1 border-b border-slate-300">
        <button type="button" role="tab" aria-selected={tab === "write"} className={tabClass(tab === "write")} onClick={() => setTab("write")}>
          Write
        </button>
        <button type="button" role="tab" aria-selected={tab === "preview"} className={tabClass(tab === "preview")} onClick={() => setTab("preview")}>
          Preview
        </button>
      </div>
      {tab === "write" ? (
        <div>
          <label htmlFor={ids.text} className="sr-only">
            Guideline (Markdown)
          </label>
          <textarea
            id={ids.text}
            value={markdown}
            onChange={(e) => setMarkdown(e.target.value)}
            rows={22}
            maxLength={MAX_GUIDELINE_CHARS}
            spellCheck
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm focus:border-slate-500 focus:ring-1 focus:ring-slate-500 focus:outline-none"
          />
        </div>
      ) : (
        <section aria-label="Preview" className="min-h-40 rounded-md border border-slate-300 bg-white p-4">
          {markdown.trim() ? <GuidelineMarkdown markdown={markdown} /> : <p className="text-sm text-slate-600">Nothing to preview yet.</p>}
        </section>
      )}
      <LabelSectionChecklist labels={labels} sections={sections} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <label htmlFor={ids.note} className="mb-1 block text-sm font-medium text-slate-700">
            What changed (optional)
          </label>
          <input
            id={ids.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:ring-1 focus:ring-slate-500 focus:outline-none"
          />
        </div>
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save new version"}
        </Button>
      </div>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={`text-sm ${message.kind === "error" ? "text-red-700" : "text-green-800"}`}>
          {message.text}
        </p>
      )}
      {conflict && (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span>Your text is kept here. Read version {conflict.latest} first, then save yours on top of it if it should replace it.</span>
          <a href={`/guidelines?version=${conflict.latest}`} target="_blank" rel="noopener" className="font-medium text-blue-800 underline">
            Open version {conflict.latest}
          </a>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setBase(conflict.latest);
              setConflict(null);
              setMessage(null);
            }}
          >
            Edit on top of version {conflict.latest}
          </Button>
        </div>
      )}
    </form>
  );
}
