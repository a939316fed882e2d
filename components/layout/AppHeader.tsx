import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { SignOutButton } from "./SignOutButton";

export function AppHeader({ actor }: { actor: Actor }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
        <Link href="/articles" className="text-lg font-semibold tracking-tight">
          Slant
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm text-slate-600">
          <Link href="/articles" className="hover:text-slate-900">
            Articles
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span data-testid="signed-in-user">
            {actor.name} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs uppercase text-slate-600">{actor.role.toLowerCase()}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
