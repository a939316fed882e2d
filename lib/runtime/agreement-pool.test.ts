import { describe, expect, it } from "vitest";
import { runAgreementTaskInProcess, type AgreementTask, type WorkerTask } from "../agreement/agreement-task";
import { writeConll } from "../formats/conll";
import type { ExportArticle } from "../formats/model";
import { agreementPool, runAgreementTask, runBackgroundReportTask, sentencesOffThread } from "./agreement-pool";

// The worker thread runs the same code as the process would: its answers are
// compared with the in-process computation on real-looking prose, including
// the text that made Intl.Segmenter slow (over 65,536 UTF-16 units with one
// character above U+00FF).

const words = "The minister said the reform would be delayed until spring. ";
const long = `${words.repeat(Math.ceil(65_600 / words.length)).slice(0, 65_600)} Turkey’s end.`;
const short = "Officials said the offensive was a success. Witnesses said otherwise, Mr. Lee noted.";
const labels = ["claim", "attribution", "loaded_language", "unverified"];

const cases: { name: string; task: WorkerTask }[] = [
  { name: "two raters, short text", task: { kind: "labels", body: short, raters: ["b", "a"], labels, spans: [{ rater: "a", label: "claim", start: 0, end: 43 }, { rater: "b", label: "claim", start: 0, end: 40 }, { rater: "b", label: "attribution", start: 44, end: 53 }] } },
  { name: "three raters, report figures", task: { kind: "report", body: short, raters: ["c", "a", "b"], labels, spans: [{ rater: "a", label: "claim", start: 0, end: 43 }, { rater: "c", label: "claim", start: 10, end: 43 }, { rater: "b", label: "loaded_language", start: 18, end: 27 }] } },
  { name: "a rater who marked nothing", task: { kind: "report", body: short, raters: ["a", "b"], labels, spans: [{ rater: "a", label: "claim", start: 0, end: 43 }] } },
  { name: "65,600 units with one ’", task: { kind: "report", body: long, raters: ["a", "b"], labels, spans: [{ rater: "a", label: "claim", start: 4, end: 12 }, { rater: "b", label: "claim", start: 4, end: 12 }, { rater: "b", label: "unverified", start: 65_000, end: 65_600 }] } },
  { name: "sentences (CoNLL) of 65,600 units with one ’", task: { kind: "sentences", body: long } },
];
// A campaign dashboard's sums, over figures as the database stores them (JSON text).
const stored = JSON.stringify(runAgreementTaskInProcess(cases[1]!.task as AgreementTask & { kind: "report" }).figures);
cases.push({
  name: "a campaign's sums over stored figures",
  task: { kind: "campaign", articles: [{ id: "x", sourceId: "s", figures: stored }], labels, groups: [["a", "left"], ["b", "left"], ["c", "right"]], balanced: true, ids: ["a", "b", "c"] },
});

async function conll(text: string, options: { sentences?: typeof sentencesOffThread }) {
  const annotation = { id: "00000000-0000-4000-8000-000000000001", label: "claim", start: 4, end: 12, quote: text.slice(4, 12), prefix: "", suffix: "", note: null, attributes: {}, annotator: { id: "a", name: "a" }, gold: false, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z" };
  const article = { id: "00000000-0000-4000-8000-000000000002", title: "t", source: { id: "s", name: "s", slug: "s" }, byline: null, url: null, publishedAt: null, text, contentHash: "", annotations: [annotation] } as unknown as ExportArticle;
  async function* one() {
    yield article;
  }
  let out = "";
  for await (const chunk of writeConll(one(), { annotationsOnly: false, baseUrl: "http://x", ...options })) out += String(chunk);
  return out;
}

describe("agreement worker", () => {
  it.each(cases)("answers what the in-process computation answers: $name", async ({ task }) => {
    const before = agreementPool.completed;
    expect(await runAgreementTask(task)).toEqual(runAgreementTaskInProcess(task));
    expect(agreementPool.completed).toBe(before + 1);
  });

  it("parses spans given as the database's JSON text to the same figures", async () => {
    const task = cases[1]!.task as AgreementTask;
    expect(await runAgreementTask({ ...task, spans: JSON.stringify(task.spans) })).toEqual(runAgreementTaskInProcess(task));
  });

  it("gives the CoNLL writer the sentences it would tokenize itself", async () => {
    const before = agreementPool.completed;
    expect(await conll(long, { sentences: sentencesOffThread })).toEqual(await conll(long, {}));
    expect(agreementPool.completed).toBe(before + 1);
  });

  it("leaves the event loop free while it computes: a turn queued after the task runs before its answer", async () => {
    let turned = false;
    const answer = runAgreementTask(cases[3]!.task as AgreementTask).then(() => turned);
    setImmediate(() => (turned = true));
    expect(await answer).toBe(true);
  });

  it("serves a task a person waits on before report figures queued earlier", async () => {
    const order: string[] = [];
    const reports = [1, 2, 3].map((n) => runAgreementTask(cases[3]!.task as AgreementTask & { kind: "report" }).then(() => order.push(`report ${n}`)));
    const compare = runAgreementTask(cases[0]!.task as AgreementTask & { kind: "labels" }).then(() => order.push("compare"));
    await Promise.all([...reports, compare]);
    expect(order.indexOf("compare")).toBeLessThan(order.indexOf("report 3"));
    expect(order.indexOf("compare")).toBeLessThanOrEqual(1); // at most the report already running went before
  });

  it("fails the task, not the pool, on an error, then answers the next", async () => {
    const bad = { kind: "labels", body: short, raters: ["a", "b"], labels, spans: null } as unknown as AgreementTask;
    await expect(runAgreementTask(bad)).rejects.toThrow(/agreement worker/);
    expect(await runAgreementTask(cases[0]!.task)).toEqual(runAgreementTaskInProcess(cases[0]!.task));
  });
});

describe("the agreement pool's lanes", () => {
  it("runs a background refill only when no other task waits: a report figure queued after it finishes first", async () => {
    const report = cases[1]!.task as AgreementTask & { kind: "report" };
    const finished: string[] = [];
    // The worker is busy with a long task while both wait.
    const busy = sentencesOffThread(long);
    const refill = runBackgroundReportTask(report).then(() => void finished.push("background"));
    const queued = runAgreementTask(report).then(() => void finished.push("report"));
    await Promise.all([busy, refill, queued]);
    expect(finished).toEqual(["report", "background"]);
  });
});
