import type { Metadata } from "next";
import { PeopleManager } from "@/components/admin/PeopleManager";
import { requirePage } from "@/lib/auth/page-access";
import { requirePageUser } from "@/lib/auth/session";
import { listPeople } from "@/lib/db/accounts/people";
import { listProfileFields } from "@/lib/db/accounts/profile-fields";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const actor = await requirePageUser("/admin/people");
  requirePage(actor, "user:manage");
  const [people, fields] = await Promise.all([listPeople({ actor }), listProfileFields({ actor })]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">People</h1>
      <PeopleManager initial={people} fields={fields} />
    </div>
  );
}
