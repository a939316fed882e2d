// The hostile inputs bench:stall sends, each as one function that runs it to
// completion (an import until its job ends) and says what came back.
// `uploadBytes` is what the server had to accept (for a refused chunked body,
// the limit it stops at), which the RSS target allows 4× of.
import { strToU8, zipSync } from "fflate";
import { getJson, postBody, postChunked, waitForJob } from "./stall-http";

export type Users = { admin: string; analyst1: string; analyst2: string; reviewer: string };
export type Input = { name: string; uploadBytes: number; last?: boolean; run: (baseURL: string, users: Users) => Promise<string> };

const MB = 1024 * 1024;
const unique = () => Math.random().toString(36).slice(2, 10);

async function createArticle(baseURL: string, cookie: string, body: string, source = `Stall ${unique()}`): Promise<{ id: string; sourceId: string }> {
  const answer = await postBody(`${baseURL}/api/articles`, cookie, "application/json", JSON.stringify({ source: { name: source }, title: `Stall ${unique()}`, body }));
  if (answer.status !== 201) throw new Error(`article: ${answer.status} ${answer.body.slice(0, 200)}`);
  const article = JSON.parse(answer.body) as { id: string; source?: { id: string }; sourceId?: string };
  return { id: article.id, sourceId: article.source?.id ?? article.sourceId ?? "" };
}

async function importFile(baseURL: string, cookie: string, query: string, contentType: string, bytes: Uint8Array): Promise<string> {
  const started = await postBody(`${baseURL}/api/import?${query}`, cookie, contentType, bytes);
  if (started.status !== 202) return `${started.status} ${started.body.slice(0, 120)}`;
  const job = await waitForJob(baseURL, cookie, JSON.parse(started.body).id);
  const r = job.report;
  return `202, job ${job.status}: ${r.created.articles} articles, ${r.created.annotations} annotations, ${r.orphaned.length} orphaned, ${r.rejected.length + (r.omitted ?? 0)} rejected/omitted`;
}

/** One JSONL line of Slant's export format: annotations aimed at an existing article by id. */
function annotationsLine(articleId: string, annotations: { quote: string; start: number; prefix: string; suffix: string }[]): string {
  const at = "2024-01-01T00:00:00.000Z";
  return JSON.stringify({
    id: articleId, title: "t", source: { id: "s", name: "s", slug: "s" }, byline: null, url: null, publishedAt: null, text: null, contentHash: "",
    annotations: annotations.map((a, i) => ({ id: `near-${i}`, label: "claim", start: a.start, end: a.start + a.quote.length, quote: a.quote, prefix: a.prefix, suffix: a.suffix, note: null, attributes: {}, annotator: { id: "x", name: "x" }, gold: false, createdAt: at, updatedAt: at })),
  });
}

const WHITESPACE_BODY = `x${" \t".repeat(240_000)}y`;
const UNCLOSED_ZIP = zipSync({ "story.html": strToU8(`<p>start</p>${"<i".repeat(2_000_000)}`) }, { level: 9 });
const MILLION_LINE_CSV = strToU8(`title,source,body\n${"t,s,\n".repeat(1_000_000)}`);

export const inputs: Input[] = [
  {
    name: "chunked 300 MB JSON body, no Content-Length",
    uploadBytes: 4 * MB,
    run: async (baseURL, users) => {
      const answer = await postChunked(`${baseURL}/api/articles`, users.analyst1, "application/json", '{"title":"x","body":"', 300 * MB);
      return `${answer.status} after ${(answer.sentBytes / MB).toFixed(0)} MB sent`;
    },
  },
  {
    name: "chunked 300 MB multipart import, no Content-Length",
    uploadBytes: 50 * MB,
    run: async (baseURL, users) => {
      const head = '--b\r\nContent-Disposition: form-data; name="kind"\r\n\r\narticles\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.jsonl"\r\n\r\n';
      const answer = await postChunked(`${baseURL}/api/import`, users.analyst1, "multipart/form-data; boundary=b", head, 300 * MB);
      return `${answer.status} after ${(answer.sentBytes / MB).toFixed(0)} MB sent`;
    },
  },
  {
    name: "chunked 300 MB sign-in body (no session needed)",
    uploadBytes: 64 * 1024,
    run: async (baseURL) => {
      const answer = await postChunked(`${baseURL}/api/auth/callback/credentials`, "", "application/x-www-form-urlencoded", "email=a%40b.c&password=", 300 * MB);
      return `${answer.status} after ${(answer.sentBytes / MB).toFixed(0)} MB sent`;
    },
  },
  {
    name: "article body: 480,000 spaces and tabs",
    uploadBytes: WHITESPACE_BODY.length,
    run: async (baseURL, users) => `201, article ${(await createArticle(baseURL, users.analyst1, WHITESPACE_BODY)).id.slice(0, 8)}`,
  },
  {
    name: `zip (${UNCLOSED_ZIP.byteLength} bytes): one HTML entry of 4 MB of unclosed tags`,
    uploadBytes: 4 * MB,
    run: (baseURL, users) => importFile(baseURL, users.analyst1, `kind=articles&format=zip&source=Stall+zip&filename=a.zip`, "application/zip", UNCLOSED_ZIP),
  },
  {
    name: "annotations file (8 KB): six near-miss quotes",
    uploadBytes: 8 * 1024,
    run: async (baseURL, users) => {
      const article = await createArticle(baseURL, users.admin, "ab".repeat(20_000));
      const context = "ba".repeat(175);
      const quotes = Array.from({ length: 6 }, (_, i) => ({ quote: `${"ab".repeat(198)}X${"abab".slice(0, 4 - (i % 2))}`, start: 7 + i, prefix: context, suffix: context }));
      return importFile(baseURL, users.admin, "kind=annotations&format=jsonl&filename=near.jsonl", "application/x-ndjson", strToU8(annotationsLine(article.id, quotes)));
    },
  },
  {
    name: "65,600-unit article with one ’: agreement + CoNLL export",
    uploadBytes: 66_000,
    run: async (baseURL, users) => {
      const words = "The minister said the reform would be delayed until spring. ";
      const body = `${words.repeat(Math.ceil(65_600 / words.length)).slice(0, 65_600)} Turkey’s end.`;
      const article = await createArticle(baseURL, users.analyst1, body);
      for (const cookie of [users.analyst1, users.analyst2]) {
        const span = await postBody(`${baseURL}/api/articles/${article.id}/annotations`, cookie, "application/json", JSON.stringify({ label: "claim", start: 4, end: 12, quote: "minister" }));
        if (span.status !== 201) throw new Error(`annotation: ${span.status} ${span.body.slice(0, 200)}`);
      }
      const agreement = await getJson(`${baseURL}/api/articles/${article.id}/agreement`, users.reviewer);
      const conll = await getJson(`${baseURL}/api/export?format=conll&sourceId=${article.sourceId}`, users.reviewer);
      return `agreement ${agreement.status}, CoNLL ${conll.status} (${(conll.body.length / 1024).toFixed(0)} KB)`;
    },
  },
  {
    name: `CSV upload: 1,000,000 lines (${(MILLION_LINE_CSV.byteLength / MB).toFixed(0)} MB)`,
    uploadBytes: MILLION_LINE_CSV.byteLength,
    last: true,
    run: (baseURL, users) => importFile(baseURL, users.analyst1, "kind=articles&format=csv&filename=million.csv", "text/csv", MILLION_LINE_CSV),
  },
];

/** ~670 articles with one annotator each (the report should skip them), imported before the report input runs. */
export async function seedAgreementCorpus(baseURL: string, users: Users, articles = 670): Promise<string> {
  const lines = Array.from({ length: articles }, (_, n) => {
    const text = `Report ${n} ${unique()}: ${"Officials said the offensive was a success, witnesses said otherwise. ".repeat(40)}`;
    const at = "2024-01-01T00:00:00.000Z";
    const annotations = Array.from({ length: 5 }, (_, k) => ({ id: `r-${n}-${k}`, label: "claim", start: 12 + 70 * k, end: 22 + 70 * k, quote: text.slice(12 + 70 * k, 22 + 70 * k), prefix: "", suffix: "", note: null, attributes: {}, annotator: { id: "x", name: "x" }, gold: false, createdAt: at, updatedAt: at }));
    return JSON.stringify({ id: `report-${n}`, title: `Report ${n}`, source: { id: "stall-report", name: "Stall Report", slug: "stall-report" }, byline: null, url: null, publishedAt: "2024-01-01", text, contentHash: "", annotations });
  });
  return importFile(baseURL, users.admin, "kind=articles&format=jsonl&filename=report.jsonl", "application/x-ndjson", strToU8(`${lines.join("\n")}\n`));
}

export const agreementReport: Input = {
  name: "agreement report over ~670 articles",
  uploadBytes: 0,
  run: async (baseURL, users) => {
    const report = await getJson(`${baseURL}/api/agreement`, users.reviewer);
    return `${report.status} (${(report.body.length / 1024).toFixed(0)} KB)`;
  },
};
