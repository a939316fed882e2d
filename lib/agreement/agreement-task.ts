import { articleAlpha } from "../aggregates/agreement";
import { sentences, type Token } from "../formats/tokenize";
import { codePointLength } from "../spans";
import { articleAgreement, type LabelAgreement, type RatedSpan } from "./article-agreement";
import { articleFigures, type ArticleFigures } from "./article-figures";
import { campaignAgreement, type CampaignAgreement, type CampaignAgreementInput } from "../campaigns/dashboard";

// The CPU-heavy part of agreement on one article — tokenizing its text and
// computing the figures — as one self-contained task, so that it can run on a
// worker thread (lib/runtime/agreement-pool.ts) with plain data in and out.
// Run in process, it gives exactly what the worker gives (a test checks it).

export type AgreementTask = {
  /** "labels": the compare view's per-label agreement; "report": the agreement report's stored figures and the article's all-label alpha. */
  kind: "labels" | "report";
  body: string;
  raters: string[];
  labels: string[];
  /** The spans, or their JSON text as the database gives it (parsed on the worker, not by the caller). */
  spans: RatedSpan[] | string;
};

export type ReportFigures = { figures: ArticleFigures; alpha: number | null };
/** The tokenizer alone (the CoNLL export's sentences): the same worker keeps it off the event loop too. */
export type SentencesTask = { kind: "sentences"; body: string };
/** A campaign dashboard's sums over its articles' figures (lib/campaigns/dashboard.ts). */
export type CampaignTask = { kind: "campaign" } & CampaignAgreementInput;
export type WorkerTask = AgreementTask | SentencesTask | CampaignTask;

export function runAgreementTaskInProcess(task: AgreementTask & { kind: "labels" }): LabelAgreement[];
export function runAgreementTaskInProcess(task: AgreementTask & { kind: "report" }): ReportFigures;
export function runAgreementTaskInProcess(task: SentencesTask): Token[][];
export function runAgreementTaskInProcess(task: CampaignTask): CampaignAgreement;
export function runAgreementTaskInProcess(task: WorkerTask): LabelAgreement[] | ReportFigures | Token[][] | CampaignAgreement;
export function runAgreementTaskInProcess(task: WorkerTask): LabelAgreement[] | ReportFigures | Token[][] | CampaignAgreement {
  if (task.kind === "sentences") return sentences(task.body);
  if (task.kind === "campaign") return campaignAgreement(task);
  const spans: RatedSpan[] = typeof task.spans === "string" ? (JSON.parse(task.spans) as RatedSpan[]) : task.spans;
  const length = codePointLength(task.body);
  const tokens = sentences(task.body).flat();
  if (task.kind === "labels") return articleAgreement({ length, tokens, raters: task.raters, labels: task.labels, spans });
  const raters = [...task.raters].sort();
  return {
    figures: articleFigures({ length, tokens, raters }, spans, task.labels),
    alpha: articleAlpha({ length, raters, labels: task.labels, spans }),
  };
}
