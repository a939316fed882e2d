"use client";

import { Button } from "@/components/ui/Button";
import type { PersonView } from "@/lib/schemas/responses/people";

type Props = {
  person: PersonView;
  busy: boolean;
  onActive: (active: boolean) => void;
  onReset: () => void;
  onUnlock: () => void;
  onEditProfile: (() => void) | null;
};

/** The buttons of one person's row; each names the person for screen readers. */
export function PersonActions({ person, busy, onActive, onReset, onUnlock, onEditProfile }: Props) {
  return (
    <div className="flex flex-wrap justify-end gap-1">
      {person.locked && (
        <Button type="button" variant="secondary" disabled={busy} onClick={onUnlock} aria-label={`Unlock ${person.name}`}>
          Unlock
        </Button>
      )}
      {onEditProfile && (
        <Button type="button" variant="ghost" disabled={busy} onClick={onEditProfile} aria-label={`Profile of ${person.name}`}>
          Profile
        </Button>
      )}
      <Button type="button" variant="ghost" disabled={busy} onClick={onReset} aria-label={`Reset password of ${person.name}`}>
        Reset password
      </Button>
      <Button type="button" variant="ghost" disabled={busy} onClick={() => onActive(!person.active)} aria-label={`${person.active ? "Deactivate" : "Reactivate"} ${person.name}`}>
        {person.active ? "Deactivate" : "Reactivate"}
      </Button>
    </div>
  );
}
