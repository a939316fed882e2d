import { paragraphs } from "@/lib/text/article-text";

/** The body as text: React escapes it, so HTML in an article is shown, never run. */
export function ArticleBody({ body }: { body: string }) {
  return (
    <div className="mt-8 space-y-5 font-serif text-lg leading-relaxed text-slate-800" data-testid="article-body">
      {paragraphs(body).map((p) => (
        <p key={p.start} className="whitespace-pre-line">
          {p.text}
        </p>
      ))}
    </div>
  );
}
