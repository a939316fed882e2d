// HTTP for bench:stall's hostile inputs: bodies of any type, chunked bodies
// streamed without Content-Length (stopping as soon as the server answers),
// and waiting for an import job to end.
import http from "node:http";

export type Answer = { status: number; body: string };

function send(url: string, options: { method: string; cookie: string; headers?: Record<string, string> }, write: (req: http.ClientRequest, answered: () => boolean) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(url, { method: options.method, headers: { cookie: options.cookie, ...options.headers }, timeout: 900_000 }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        req.destroy();
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("no answer")));
    // The server may close the connection after answering a refused upload; the answer already counts.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    write(req, () => answered);
  });
}

export const getJson = (url: string, cookie: string) => send(url, { method: "GET", cookie }, (req) => req.end());

export function postBody(url: string, cookie: string, contentType: string, body: string | Uint8Array): Promise<Answer> {
  const bytes = typeof body === "string" ? Buffer.from(body) : Buffer.from(body);
  return send(url, { method: "POST", cookie, headers: { "content-type": contentType, "content-length": String(bytes.byteLength) } }, (req) => req.end(bytes));
}

/** `head`, then filler bytes until `totalBytes` were sent or the server answered, chunked (no Content-Length). */
export function postChunked(url: string, cookie: string, contentType: string, head: string, totalBytes: number): Promise<Answer & { sentBytes: number }> {
  let sent = 0;
  const filler = Buffer.alloc(64 * 1024, 0x20);
  return send(url, { method: "POST", cookie, headers: { "content-type": contentType, "transfer-encoding": "chunked" } }, (req, answered) => {
    req.write(head);
    sent = head.length;
    const pump = () => {
      while (!answered() && sent < totalBytes) {
        sent += filler.byteLength;
        if (!req.write(filler)) return void req.once("drain", pump);
      }
      if (!answered()) req.end();
    };
    pump();
  }).then((answer) => ({ ...answer, sentBytes: sent }));
}

/** Polls an import job until it ends (or `limitMs` passes); its final row. */
export async function waitForJob(baseURL: string, cookie: string, id: string, limitMs = 600_000): Promise<{ status: string; total: number; processed: number; report: { created: { articles: number; annotations: number }; orphaned: unknown[]; rejected: unknown[]; omitted: number } }> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const job = JSON.parse((await getJson(`${baseURL}/api/import/${id}`, cookie)).body);
    if (job.status === "SUCCEEDED" || job.status === "FAILED" || Date.now() > deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
