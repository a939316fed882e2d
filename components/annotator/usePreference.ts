"use client";

import { useCallback, useSyncExternalStore } from "react";

const EVENT = "slant:preference";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

/** A yes/no preference kept in this browser (false while rendering on the server). */
export function useFlagPreference(key: string): [boolean, (value: boolean) => void] {
  const value = useSyncExternalStore(subscribe, () => localStorage.getItem(key) === "1", () => false);
  const set = useCallback(
    (next: boolean) => {
      localStorage.setItem(key, next ? "1" : "0");
      window.dispatchEvent(new Event(EVENT));
    },
    [key],
  );
  return [value, set];
}
