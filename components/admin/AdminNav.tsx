"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { adminSections } from "./sections";

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="flex flex-wrap gap-1 border-b border-slate-200 pb-3 text-sm">
      {[{ href: "/admin", label: "Overview" }, ...adminSections].map((s) => {
        const current = s.href === "/admin" ? pathname === "/admin" : pathname === s.href || pathname.startsWith(`${s.href}/`);
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
