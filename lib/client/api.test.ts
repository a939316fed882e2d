import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { api, ApiError, BAD_RESPONSE, fieldErrorsOf, NO_CONNECTION } from "./api";

// A real HTTP server answering as Slant's API does (lib/api/route.ts), and a
// few ways it does not (a proxy's HTML page, an answer that breaks the contract).
type Seen = { method: string; contentType: string | undefined; body: string };
let seen: Seen | null = null;
const answers: Record<string, (res: ServerResponse) => void> = {
  "/ok": (res) => json(res, 200, { id: "a1", name: "Ada", extra: true }),
  "/created": (res) => json(res, 201, { id: "a2", name: "Bea" }),
  "/gone": (res) => res.writeHead(204).end(),
  "/final": (res) => json(res, 409, { error: "You submitted this article, and submitting is final.", code: "SUBMITTED_IS_FINAL", details: { status: "SUBMITTED" } }),
  "/invalid": (res) => json(res, 422, { error: "Invalid input", code: "INVALID_INPUT", details: { formErrors: [], fieldErrors: { name: ["must not be empty"], homepage: ["must be a URL", "too long"] } } }),
  "/proxy": (res) => res.writeHead(502, { "content-type": "text/html" }).end("<html>Bad gateway</html>"),
  "/broken": (res) => json(res, 200, { id: 7 }),
};
function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
const server = createServer((req: IncomingMessage, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    seen = { method: req.method ?? "", contentType: req.headers["content-type"], body };
    (answers[req.url ?? ""] ?? ((r: ServerResponse) => json(r, 404, { error: "Not found", code: "NOT_FOUND", details: null })))(res);
  });
});
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const Person = z.object({ id: z.string(), name: z.string() });
const refusal = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("the call should have been refused"), (e: unknown) => e as ApiError);

describe("api: the client's one fetcher", () => {
  it("sends JSON and returns the answer as its contract reads it (unknown fields dropped)", async () => {
    const person = await api("POST", `${base}/created`, { body: { name: "Bea" }, schema: Person });
    expect(person).toEqual({ id: "a2", name: "Bea" });
    expect(seen).toEqual({ method: "POST", contentType: "application/json", body: '{"name":"Bea"}' });
    expect(await api("GET", `${base}/ok`, { schema: Person })).toEqual({ id: "a1", name: "Ada" });
  });

  it("returns nothing for 204 or when no contract is asked for, and sends a form as multipart", async () => {
    expect(await api("DELETE", `${base}/gone`)).toBeUndefined();
    const form = new FormData();
    form.set("kind", "articles");
    expect(await api("POST", `${base}/ok`, { body: form })).toBeUndefined();
    expect(seen?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen?.body).toContain('name="kind"');
  });

  it("turns the server's { error, code, details } into an ApiError with all three and the status", async () => {
    const error = await refusal(api("PUT", `${base}/final`, { body: { status: "IN_PROGRESS" } }));
    expect(error).toBeInstanceOf(ApiError);
    expect({ status: error.status, message: error.message, code: error.code, details: error.details }).toEqual({
      status: 409,
      message: "You submitted this article, and submitting is final.",
      code: "SUBMITTED_IS_FINAL",
      details: { status: "SUBMITTED" },
    });
  });

  it("reads field errors out of an INVALID_INPUT refusal as readable lines", async () => {
    const error = await refusal(api("POST", `${base}/invalid`, { body: {} }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(fieldErrorsOf(error)).toEqual(["name must not be empty", "homepage must be a URL, too long"]);
  });

  it("names the status when the refusal is not Slant's JSON (e.g. a proxy's page)", async () => {
    const error = await refusal(api("GET", `${base}/proxy`));
    expect({ status: error.status, message: error.message, code: error.code, details: error.details }).toEqual({ status: 502, message: "The server answered 502", code: null, details: null });
  });

  it("refuses an answer that breaks its contract instead of handing the screen a wrong shape", async () => {
    const error = await refusal(api("GET", `${base}/broken`, { schema: Person }));
    expect(error.code).toBe(BAD_RESPONSE);
    expect(error.message).toMatch(/not understood/);
  });

  it("says there is no connection when the server cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await refusal(api("GET", `http://127.0.0.1:${port}/ok`));
    expect({ status: error.status, message: error.message }).toEqual({ status: 0, message: NO_CONNECTION });
  });
});
