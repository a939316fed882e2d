import Link from "next/link";
import { can, type Actor, type RoleAction } from "@/lib/auth/policy";
import { SignOutButton } from "./SignOutButton";

/** `needs`: the page's question of the policy; pages without one are everyone's. */
const links: { href: string; label: string; needs?: RoleAction }[] = [
  { href: "/work", label: "My work" },
  { href: "/articles", label: "Articles" },
  { href: "/sources", label: "Sources" },
  { href: "/agreement", label: "Agreement", needs: "agreement-report:read" },
  { href: "/campaigns", label: "Campaigns", needs: "campaign:manage" },
  { href: "/review", label: "Review", needs: "campaign:manage" },
  { href: "/guidelines", label: "Guidelines" },
  { href: "/export", label: "Export" },
  { href: "/import", label: "Import" },
  { href: "/admin", label: "Admin", needs: "admin:console" },
];

export function AppHeader({ actor }: { actor: Actor }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2">
        <Link href="/articles" className="text-lg font-semibold tracking-tight">
          Slant
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {links.filter((l) => !l.needs || can(actor, l.needs)).map((l) => (
            <Link key={l.href} href={l.href} className="hover:text-slate-900">
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <Link href="/profile" data-testid="signed-in-user" className="hover:text-slate-900">
            {actor.name} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs uppercase text-slate-600">{actor.role.toLowerCase()}</span>
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
