import type { Metadata } from "next";
import Link from "next/link";
import { ArticleTable } from "@/components/articles/ArticleTable";
import { SourceFilter } from "@/components/articles/SourceFilter";
import { requirePageUser } from "@/lib/auth/session";
import { listArticles } from "@/lib/db/articles/articles";
import { progressFor } from "@/lib/db/articles/assignments";
import { listSources } from "@/lib/db/articles/sources";
import { ArticleListQuery } from "@/lib/schemas/article";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("/articles");
  const raw = await searchParams;
  const parsed = ArticleListQuery.safeParse({ sourceId: raw.sourceId || undefined, cursor: raw.cursor || undefined });
  const query = parsed.success ? parsed.data : ArticleListQuery.parse({});
  const [sources, page] = await Promise.all([listSources(), listArticles({ actor, query })]);
  const progress = await progressFor({ actor, articleIds: page.items.map((a) => a.id) });
  const nextHref = page.nextCursor ? `/articles?${new URLSearchParams({ ...(query.sourceId ? { sourceId: query.sourceId } : {}), cursor: page.nextCursor })}` : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Articles</h1>
          <p className="text-sm text-slate-600">
            {sources.reduce((n, s) => n + s.articleCount, 0)} articles from {sources.length} sources
          </p>
        </div>
        <SourceFilter sources={sources} selected={query.sourceId ?? ""} />
      </div>
      {!parsed.success && <p role="alert" className="text-sm text-amber-800">That filter was not understood; showing all articles.</p>}
      <ArticleTable articles={page.items} progress={progress} />
      {(query.cursor || nextHref) && (
        <nav aria-label="Pages" className="flex justify-between text-sm">
          {query.cursor ? <Link href={query.sourceId ? `/articles?sourceId=${query.sourceId}` : "/articles"}>← First page</Link> : <span />}
          {nextHref && <Link href={nextHref}>Next page →</Link>}
        </nav>
      )}
    </div>
  );
}
