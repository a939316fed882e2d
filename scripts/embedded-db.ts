// Child process that owns the embedded database: `node --import tsx scripts/embedded-db.ts <dataDir> [port]`.
// Kept out of the web server's process so PGlite's work never blocks request handling.
import { serveEmbeddedPostgres } from "../lib/runtime/embedded-postgres";

const [dataDir, portArg] = process.argv.slice(2);
if (!dataDir) {
  console.error("usage: embedded-db.ts <dataDir> [port]");
  process.exit(2);
}
const server = await serveEmbeddedPostgres(dataDir === ":memory:" ? null : dataDir, Number(portArg ?? 0));
process.send?.({ type: "ready", url: server.url, port: server.port });

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
process.on("disconnect", shutdown);
