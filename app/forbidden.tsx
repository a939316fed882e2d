import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-600">Your role does not give access to this page. Ask an admin if you need it.</p>
      <Link href="/articles" className="mt-6 inline-block text-sm font-medium text-blue-700 hover:underline">
        Back to the articles
      </Link>
    </main>
  );
}
