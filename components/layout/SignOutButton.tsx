"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";

/**
 * next-auth would redirect to NEXTAUTH_URL's host (localhost by default),
 * not the one the person is using: sign out without its redirect, then go to
 * the sign-in page on this same host.
 */
export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    try {
      await signOut({ redirect: false });
      router.replace("/sign-in");
      router.refresh();
    } catch {
      setPending(false);
    }
  }
  return (
    <Button variant="ghost" disabled={pending} onClick={() => void onClick()}>
      Sign out
    </Button>
  );
}
