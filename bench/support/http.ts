// The load generators' HTTP client: node:http over kept-alive connections.
// Node's fetch (undici's WHATWG layer) spends about three times the CPU per
// request (0.7 ms against 0.2 ms, measured on the 2-core bench machine), and
// every millisecond the clients spend is taken from the server they measure.
import http from "node:http";

export type BenchResponse = { status: number; body: string };

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {}): Promise<BenchResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (payload !== undefined) Object.assign(headers, { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) });
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: options.method ?? "GET", headers, timeout: options.timeoutMs ?? 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 10_000} ms`)));
    req.on("error", reject);
    req.end(payload);
  });
}
