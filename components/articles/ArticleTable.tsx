import Link from "next/link";
import type { ArticleListItem } from "@/lib/db/articles";
import { formatDate } from "@/lib/text/format";

export function ArticleTable({ articles }: { articles: ArticleListItem[] }) {
  if (articles.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">No articles yet.</p>;
  }
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Title</th>
            <th className="px-4 py-2 font-medium">Source</th>
            <th className="px-4 py-2 font-medium">Published</th>
            <th className="px-4 py-2 text-right font-medium">Words</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {articles.map((a) => (
            <tr key={a.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/articles/${a.id}`} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
                  {a.title}
                </Link>
              </td>
              <td className="px-4 py-3 text-slate-700">{a.source.name}</td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-600">{formatDate(a.publishedAt)}</td>
              <td className="px-4 py-3 text-right tabular-nums text-slate-600">{a.wordCount.toLocaleString("en")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
