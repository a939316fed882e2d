// Prisma's debug module (@prisma/debug, which @prisma/adapter-pg logs every
// statement through) keeps the arguments of its last 100 calls whether or not
// debugging is on, and the adapter passes each statement with its parameters.
// A bulk insert's parameters are arrays of thousands of values, so those 100
// entries kept about ten batches of an import alive: the bench's import of
// 100,000 spans held all of them (about 600 MB). Whoever sends big parameters
// forgets the history afterwards. The package is a direct dependency at the
// adapter's exact version so that this is the same module instance the
// adapter logs to (next.config.js loads both from node_modules).
import { clearLogs } from "@prisma/debug";

export function forgetQueryHistory(): void {
  clearLogs();
}
