import path from "node:path";
import { Worker } from "node:worker_threads";
import type { LabelAgreement } from "../agreement/article-agreement";
import type { AgreementTask, CampaignTask, ReportFigures, SentencesTask, WorkerTask } from "../agreement/agreement-task";
import type { CampaignAgreement } from "../campaigns/dashboard";
import type { Token } from "../formats/tokenize";

// Agreement on an article (tokenizing its text, then the figures) takes from a
// few milliseconds to hundreds on long texts: it runs on one worker thread,
// one article at a time, and the request only awaits it (issue #12 §4,
// docs/decisions/0010). One worker: the machine has two cores and the event
// loop needs the other. Tasks wait in this process, in three FIFO queues: one a
// person waits on, served first, the report figures computed in batches, and
// bulk refills nobody waits on, served last.
//
// The worker runs the TypeScript sources through tsx, like scripts/serve.ts
// runs the app: the file is found from the working directory (the repository,
// for `npm start`, the tests and the benches) rather than from import.meta.url,
// which points into the .next build once Next.js has bundled this module.
// The bootstrap is evaluated code, as fflate starts its inflate workers, so
// the bundler never sees a worker file to rewrite.

type Pending = { id: number; task: WorkerTask; resolve: (value: unknown) => void; reject: (error: Error) => void };

const WORKER_FILE = "lib/runtime/agreement-worker.ts";

function bootstrap(root: string): string {
  const file = path.join(root, WORKER_FILE);
  return `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ${JSON.stringify(`file://${root}/`)}));`;
}

class AgreementPool {
  private worker: Worker | null = null;
  /** A person waits on these (compare view, one article's agreement, an export): they go first. */
  private readonly urgent: Pending[] = [];
  /** Report figures, computed in batches ahead of time or for a report that only waits a moment. */
  private readonly batch: Pending[] = [];
  /** Bulk refills nobody waits on (fillReportFigures): served only when nothing else waits. */
  private readonly background: Pending[] = [];
  private running: Pending | null = null;
  private nextId = 1;
  /** Tasks run so far on the worker thread: tests assert on it. */
  completed = 0;

  run(task: WorkerTask, lane: "background" | null = null): Promise<unknown> {
    return new Promise((resolve, reject) => {
      (lane === "background" ? this.background : task.kind === "report" ? this.batch : this.urgent).push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  /** Tasks waiting or running. */
  get backlog(): number {
    return this.urgent.length + this.batch.length + this.background.length + (this.running ? 1 : 0);
  }

  private start(): Worker {
    const worker = new Worker(bootstrap(process.cwd()), { eval: true, name: "slant-agreement" });
    worker.on("message", (message: { id: number; result?: unknown; error?: string }) => {
      const done = this.running;
      if (!done || done.id !== message.id) return;
      this.running = null;
      this.completed++;
      if (message.error !== undefined) done.reject(new Error(`agreement worker: ${message.error}`));
      else done.resolve(message.result);
      this.pump();
    });
    // A crashed worker fails its task only; the next task starts a new one.
    const fail = (error: Error) => {
      if (this.worker !== worker) return; // already replaced: its task was failed then
      this.worker = null;
      const done = this.running;
      this.running = null;
      done?.reject(error);
      this.pump();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`agreement worker stopped (code ${code})`)));
    return worker;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.urgent.shift() ?? this.batch.shift() ?? this.background.shift();
    if (!next) {
      this.worker?.unref(); // an idle worker does not keep a script alive
      return;
    }
    this.worker ??= this.start();
    this.worker.ref();
    this.running = next;
    this.worker.postMessage({ id: next.id, task: next.task });
  }
}

const globalForPool = globalThis as unknown as { slantAgreementPool?: AgreementPool };
/** One pool per process, kept across Next.js dev reloads. */
export const agreementPool = (globalForPool.slantAgreementPool ??= new AgreementPool());

/** The task run on the agreement worker thread; the caller's event loop stays free. */
export function runAgreementTask(task: AgreementTask & { kind: "labels" }): Promise<LabelAgreement[]>;
export function runAgreementTask(task: AgreementTask & { kind: "report" }): Promise<ReportFigures>;
export function runAgreementTask(task: SentencesTask): Promise<Token[][]>;
export function runAgreementTask(task: CampaignTask): Promise<CampaignAgreement>;
export function runAgreementTask(task: WorkerTask): Promise<LabelAgreement[] | ReportFigures | Token[][] | CampaignAgreement>;
export function runAgreementTask(task: WorkerTask): Promise<unknown> {
  return agreementPool.run(task);
}

/**
 * A report figure nobody waits on (a bulk refill after the label set changed): it runs only when no
 * other task waits, so the agreement queue after span writes and a reviewer's report go first.
 */
export function runBackgroundReportTask(task: AgreementTask & { kind: "report" }): Promise<ReportFigures> {
  return agreementPool.run(task, "background") as Promise<ReportFigures>;
}

/** Sentences of a text from the worker: for writers that tokenize (CoNLL), through ExportOptions.sentences. */
export const sentencesOffThread = (body: string): Promise<Token[][]> => runAgreementTask({ kind: "sentences", body });
