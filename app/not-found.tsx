import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">There is nothing at this address.</p>
      <Link href="/articles" className="mt-6 inline-block text-sm font-medium text-blue-700 hover:underline">
        Back to the articles
      </Link>
    </main>
  );
}
