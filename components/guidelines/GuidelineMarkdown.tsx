import Markdown from "react-markdown";

// Guideline text is written by admins but read by everyone, so it is rendered
// without raw HTML: react-markdown builds React elements from the Markdown
// syntax tree, shows any HTML in the text as text (no rehype-raw), and blanks
// link targets that are not http(s), mailto or relative (its default URL
// transform), so a <script>, an <img onerror> or a javascript: link does
// nothing (docs/decisions/0022).

/** Headings a step smaller than the page's, so a guideline's "#" never competes with the page title. */
const components = {
  h1: (props: { children?: React.ReactNode }) => <h2 className="mt-6 mb-2 text-xl font-semibold first:mt-0">{props.children}</h2>,
  h2: (props: { children?: React.ReactNode }) => <h3 className="mt-5 mb-2 text-lg font-semibold first:mt-0">{props.children}</h3>,
  h3: (props: { children?: React.ReactNode }) => <h4 className="mt-4 mb-1 font-semibold first:mt-0">{props.children}</h4>,
};

export function GuidelineMarkdown({ markdown, compact = false }: { markdown: string; compact?: boolean }) {
  return (
    <div className={`guideline-text break-words ${compact ? "text-sm" : "text-base leading-relaxed"}`}>
      <Markdown components={components}>{markdown}</Markdown>
    </div>
  );
}
