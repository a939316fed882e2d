"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { api, ApiError } from "@/lib/client/api";

type SourceRef = { id: string; name: string };

/**
 * Sources whose names differ by a typo or two (names already match ignoring
 * case, spaces and punctuation): flagged for everyone, merged by an admin.
 */
export function NearDuplicateSources({ pairs, canMerge }: { pairs: [SourceRef, SourceRef][]; canMerge: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (pairs.length === 0) return null;

  async function merge(from: SourceRef, into: SourceRef) {
    if (!window.confirm(`Merge “${from.name}” into “${into.name}”? Its articles, figures and history move to “${into.name}”, and “${from.name}” is deleted.`)) return;
    setPending(true);
    setError(null);
    try {
      await api("POST", `/api/sources/${from.id}/merge`, { body: { intoId: into.id } });
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError && e.status !== 0 ? e.message : "Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="near-duplicates-heading" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <h2 id="near-duplicates-heading" className="font-medium">
        Possible duplicate sources
      </h2>
      <ul className="space-y-2">
        {pairs.map(([a, b]) => (
          <li key={`${a.id}:${b.id}`} className="flex flex-wrap items-center gap-2">
            <span>
              “{a.name}” and “{b.name}”
            </span>
            {canMerge && (
              <>
                <Button variant="secondary" disabled={pending} onClick={() => void merge(b, a)}>
                  Merge “{b.name}” into “{a.name}”
                </Button>
                <Button variant="secondary" disabled={pending} onClick={() => void merge(a, b)}>
                  Merge “{a.name}” into “{b.name}”
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
