import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/AdminNav";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";

// The admin console's shell. Each page under it asks the policy again: a
// layout is not re-run on client navigation, so it cannot be the only check.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageUser("/admin");
  requirePage(actor, "admin:console");
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}
