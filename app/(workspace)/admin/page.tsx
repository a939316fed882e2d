import type { Metadata } from "next";
import Link from "next/link";
import { adminSections } from "@/components/admin/sections";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminOverviewPage() {
  const actor = await requirePageUser("/admin");
  requirePage(actor, "admin:console");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
      <p className="text-sm text-slate-600">Run the project from here: people, the annotation scheme, sources and the record of every change.</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {adminSections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-slate-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500">
              <span className="font-medium">{s.label}</span>
              <span className="mt-1 block text-sm text-slate-600">{s.about}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
