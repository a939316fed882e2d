import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/AcceptInvitationForm";
import { invitationRefusal } from "@/lib/accounts/invitation-expiry";
import { findInvitation } from "@/lib/db/accounts/invitations";
import { InvitationToken } from "@/lib/schemas/people";

export const metadata: Metadata = { title: "Join Slant", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// Public: the link is the invitee's only credential. The token never leaves
// this page in a Referer (no-referrer) and is not logged by Slant.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = InvitationToken.safeParse(token).success ? await findInvitation(token) : null;
  const refusal = !invitation ? invitationRefusal.unknown : invitation.state === "open" ? null : invitationRefusal[invitation.state];
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">Join Slant</h1>
        {invitation && !refusal && <p className="mb-6 text-sm text-slate-600">You were invited as {invitation.role.toLowerCase()}. Set your name and a password.</p>}
        {refusal || !invitation ? (
          <div className="space-y-4">
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {refusal}
            </p>
            <Link href="/sign-in" className="text-sm font-medium text-blue-700 hover:underline">
              Go to sign-in
            </Link>
          </div>
        ) : (
          <AcceptInvitationForm token={token} email={invitation.email} />
        )}
      </div>
    </main>
  );
}
