// Serves the built app (what `next start` does) in SLANT_WORKERS processes
// that share one port through node:cluster. A Next.js process handles requests
// on one core, so a machine with cores to spare serves more with more workers.
// start.ts chooses the count: one for the embedded database, whose socket
// takes one client session at a time.
import cluster from "node:cluster";
import http from "node:http";
import next from "next";
import { PEER_FROM_SOCKET_ENV, PEER_HEADER } from "../lib/auth/client-address";

const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number(process.env.SLANT_WORKERS ?? 1));

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  const fork = () =>
    cluster.fork().on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`[slant] a worker stopped (${signal ?? `code ${code}`}); starting another`);
      fork();
    });
  for (let i = 0; i < workers; i++) fork();
  console.log(`[slant] ${workers} worker processes serving on http://localhost:${port}`);
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    cluster.disconnect(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  // Route handlers cannot see the socket: the peer address reaches them in a
  // header only this server sets (a client's own copy is dropped first), and
  // the flag tells lib/auth that the header can be believed.
  process.env[PEER_FROM_SOCKET_ENV] = "1";
  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    delete req.headers[PEER_HEADER];
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    void handle(req, res);
  });
  // Idle connections stay open longer than clients and proxies keep theirs
  // (commonly 60 s): a client then never reuses a socket the server is closing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, () => {
    if (cluster.isPrimary) console.log(`[slant] serving on http://localhost:${port}`);
  });
  // Requests in flight may finish; idle kept-alive connections are closed now, and nothing waits past 10 s.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
