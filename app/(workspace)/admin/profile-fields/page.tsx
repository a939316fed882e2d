import type { Metadata } from "next";
import { ProfileFieldsManager } from "@/components/admin/ProfileFieldsManager";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { listProfileFields } from "@/lib/db/accounts/profile-fields";

export const metadata: Metadata = { title: "Profile fields" };

export default async function ProfileFieldsPage() {
  const actor = await requirePageUser("/admin/profile-fields");
  requirePage(actor, "profile-field:manage");
  const fields = await listProfileFields({ actor });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Profile fields</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        Attributes of annotators, set per person on the People page, to balance panels and break agreement down by group. Only admins and reviewers see them; exports never name them
        with a person.
      </p>
      <ProfileFieldsManager initial={fields} />
    </div>
  );
}
