// The one answer to "did this fail because the database went away?" (a
// restart, a crash, a dropped connection, no free connection in time). Such a
// failure says nothing about the request or the row: an API request gets a
// 503 it may retry (lib/api/route.ts) and an import stops rather than
// rejecting the row it was on (lib/db/import/jobs.ts).

// pg's socket errors, PostgreSQL's admin_shutdown/crash_shutdown/cannot_connect_now
// (57P01–57P03) and connection_failure classes (08001, 08006), pg-pool's connect
// timeout, and Prisma's "can't reach" / "server closed the connection" (P1001, P1017).
const CONNECTION_FAILURE =
  /ECONNREFUSED|ECONNRESET|EPIPE|57P0[123]|08006|08001|Connection terminated|ConnectionClosed|closed the connection|connection error|timeout exceeded when trying to connect|DatabaseNotReachable|P1001|P1017/i;

/** True when `error`, or an error it wraps (Prisma wraps the driver's), is the database being out of reach. */
export function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; kind?: unknown; cause?: unknown; driverAdapterError?: unknown; meta?: { driverAdapterError?: unknown } };
  if (CONNECTION_FAILURE.test(`${String(e.code ?? "")} ${String(e.kind ?? "")} ${String(e.message ?? "")}`)) return true;
  return [e.cause, e.driverAdapterError, e.meta?.driverAdapterError].some((inner) => isConnectionFailure(inner, depth + 1));
}
