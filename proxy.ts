import { NextResponse, type NextRequest } from "next/server";

// A fresh nonce per page request: Next.js streams inline scripts for
// hydration, and a nonce lets exactly those run under a strict policy instead
// of 'unsafe-inline'. Style attributes stay allowed: the annotator colours
// highlights with inline styles, and styles cannot run code.
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  // Not lib/env.ts: Next replaces NODE_ENV at build time, and the proxy is bundled on its own.
  // eslint-disable-next-line no-restricted-properties
  const dev = process.env.NODE_ENV === "development";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
