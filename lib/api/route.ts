import { z, ZodError } from "zod";
import { authorize, type Actor, type RoleAction } from "../auth/policy";
import { authenticate, type AuthKind } from "../auth/session";
import { AppError, httpStatusOf, type ErrorCode } from "../errors";
import { MAX_REQUEST_BYTES } from "../schemas/common";
import { BodyTooLarge, readBodyLimited } from "./body-limit";
import { isConnectionFailure } from "../db/connection-failure";

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;

export type RouteSpec<K extends AuthKind, P extends Schema, Q extends Schema, B extends Schema> = {
  /** Who may call: a session or an API token (`"user"`, the default), or a signed-in session only. */
  auth?: K;
  /** A role question of lib/auth/policy.ts, asked before any input is read (403 when refused). */
  can?: RoleAction;
  /** The path's parameters; 422 when they do not parse. */
  params?: P;
  /** The query string, one value per key; 422 on bad or unknown keys. */
  query?: Q;
  /** A JSON body: 415 if not JSON, 413 over `maxBodyBytes`, 400 if malformed, 422 if it does not parse. */
  body?: B;
  maxBodyBytes?: number;
};

export type RouteInput<K extends AuthKind, P extends Schema, Q extends Schema, B extends Schema> = {
  req: Request;
  actor: Actor;
  /** The session the request came with; null for an API token (never with `auth: "session"`). */
  sessionId: K extends "session" ? string : string | null;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
};

/**
 * Every API handler goes through here: it refuses cross-site writes,
 * authenticates once, asks the policy when `can` is given, parses the path,
 * query and body with the given schemas, and maps any error to
 * `{ error, code, details }`. The handler gets a typed actor and input.
 */
export function route<K extends AuthKind = "user", P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  spec: RouteSpec<K, P, Q, B>,
  handler: (input: RouteInput<K, P, Q, B>) => Promise<Response>,
) {
  return async (req: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      refuseCrossSite(req);
      const { actor, sessionId } = await authenticate(spec.auth ?? ("user" as K));
      if (spec.can) authorize(actor, spec.can);
      const params = (spec.params ? spec.params.parse(await context.params) : undefined) as Parsed<P>;
      const query = (spec.query ? readQuery(req, spec.query) : undefined) as Parsed<Q>;
      const body = (spec.body ? await readJson(req, spec.body, spec.maxBodyBytes ?? MAX_REQUEST_BYTES) : undefined) as Parsed<B>;
      return await uncompressedWhenSmall(await handler({ req, actor, sessionId, params, query, body }));
    } catch (error) {
      return uncompressedWhenSmall(errorResponse(error));
    }
  };
}

/**
 * Next.js gzips every response it can (it drops a stated Content-Length, so
 * its 1 KB threshold never applies), and a JSON answer of a few hundred bytes
 * costs more to compress than to send: a tenth of an API request's CPU time.
 * Small answers are marked `no-transform`, which the compressor honours;
 * larger ones and streams (exports) are still compressed.
 */
const COMPRESSION_THRESHOLD_BYTES = 1024;

async function uncompressedWhenSmall(response: Response): Promise<Response> {
  if (!response.body || response.headers.has("cache-control") || !response.headers.get("content-type")?.startsWith("application/json")) return response;
  const body = await response.arrayBuffer();
  if (body.byteLength >= COMPRESSION_THRESHOLD_BYTES) return new Response(body, response);
  const headers = new Headers(response.headers);
  headers.set("cache-control", "no-store, no-transform");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie sessions: a browser always names the page's origin
 * on a cross-site POST/PUT/PATCH/DELETE, so a foreign Origin is refused. Token
 * (Authorization) requests carry no ambient credentials and are exempt.
 */
function refuseCrossSite(req: Request): void {
  if (SAFE_METHODS.has(req.method) || req.headers.has("authorization")) return;
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" or garbage: treated as foreign
  }
  if (originHost !== host) throw new AppError("FORBIDDEN", "Cross-site request refused: this action must come from Slant's own pages.", { origin });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return errorBody(error.code, error.message, error.details ?? null);
  }
  if (error instanceof ZodError) return errorBody("INVALID_INPUT", "Invalid input", z.flattenError(error));
  const prismaCode = (error as { code?: unknown } | null)?.code;
  if (prismaCode === "P2002") return errorBody("CONFLICT", "Already exists", null);
  if (prismaCode === "P2025") return errorBody("NOT_FOUND", "Not found", null);
  if (isConnectionFailure(error)) return errorBody("UNAVAILABLE", "The database is unavailable; try again shortly.", null);
  console.error(error);
  return Response.json({ error: "Internal error", code: "INTERNAL", details: null }, { status: 500 });
}

/** The one error body: a readable `error`, a machine-readable `code` (see `ErrorCode`), and `details`. */
function errorBody(code: ErrorCode, message: string, details: unknown): Response {
  return Response.json({ error: message, code, details }, { status: httpStatusOf[code] });
}

/** Reads a JSON body: 415 if not JSON, 413 over the limit, 400 if malformed; then the schema (422). */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes: number): Promise<z.infer<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  let bytes: Uint8Array;
  try {
    // Counted as it streams: a chunked body declares no length.
    bytes = await readBodyLimited(req.body, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw tooLarge(maxBytes);
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8 JSON.", { parser: error instanceof Error ? error.message : String(error) });
  }
  return schema.parse(value);
}

const tooLarge = (max: number) => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${max} bytes.`, { maxBytes: max });

/** Parses URL search params (single values) against a schema: 422 on bad or unknown keys. */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}
