import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/AppHeader";
import { requirePageUser } from "@/lib/auth/session";

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageUser("/articles");
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </>
  );
}
