import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/articles/ArticleBody";
import { requirePageUser } from "@/lib/auth/session";
import { getArticle } from "@/lib/db/articles";
import { Uuid } from "@/lib/schemas/common";
import { formatDate } from "@/lib/text/format";

type Props = { params: Promise<{ articleId: string }> };

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: Props) {
  const { articleId } = await params;
  const actor = await requirePageUser(`/articles/${articleId}`);
  if (!Uuid.safeParse(articleId).success) notFound();
  const article = await getArticle({ actor, id: articleId });
  if (!article) notFound();

  return (
    <article className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={`/articles?sourceId=${article.source.id}`} className="font-medium text-blue-700 hover:underline">
          {article.source.name}
        </Link>
      </p>
      <h1 className="font-serif text-3xl leading-tight font-semibold">{article.title}</h1>
      <p className="mt-3 text-sm text-slate-600">
        {[article.byline && `By ${article.byline}`, formatDate(article.publishedAt), `${article.wordCount.toLocaleString("en")} words`]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <ArticleBody body={article.body} />
    </article>
  );
}
