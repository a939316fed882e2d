import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountSettings } from "@/components/profile/AccountSettings";
import { ApiTokens } from "@/components/profile/ApiTokens";
import { currentSession } from "@/lib/auth/session";
import { listOwnSessions } from "@/lib/db/accounts/sessions";
import { listTokens } from "@/lib/db/accounts/tokens";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const session = await currentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/profile")}`);
  const { actor, sessionId } = session;
  const [tokens, sessions] = await Promise.all([listTokens({ actor }), listOwnSessions({ actor, sessionId })]);
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{actor.name}</h1>
        <p className="text-sm text-slate-600">
          {actor.email} · {actor.role.toLowerCase()}
        </p>
      </div>
      <AccountSettings name={actor.name} sessions={sessions} />
      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-lg font-medium">
          Personal API tokens
        </h2>
        <p className="text-sm text-slate-600">
          Scripts send a token as <code>Authorization: Bearer slant_…</code> and act as you, with your role. A token is shown once, when it is created; Slant keeps only
          a hash of it.
        </p>
        <ApiTokens initial={tokens} />
      </section>
    </div>
  );
}
