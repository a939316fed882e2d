import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { currentActor } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await currentActor()) redirect(returnTo);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">Slant</h1>
        <p className="mb-6 text-sm text-slate-600">Document source bias and framing in news.</p>
        <SignInForm returnTo={returnTo} />
      </div>
    </main>
  );
}
