// Entry of the agreement worker thread (lib/runtime/agreement-pool.ts): one
// task at a time, answered with its id; an error goes back as a message.
import { parentPort } from "node:worker_threads";
import { runAgreementTaskInProcess, type WorkerTask } from "../agreement/agreement-task";

parentPort!.on("message", (message: { id: number; task: WorkerTask }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: runAgreementTaskInProcess(message.task) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
