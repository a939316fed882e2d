import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { BodyTooLarge, readBodyLimited } from "@/lib/api/body-limit";
import { errorResponse } from "@/lib/api/route";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";

const handler = NextAuth(authOptions);

/** Sign-in and sign-out forms are a few hundred bytes; next-auth would buffer a body of any size. */
const AUTH_BODY_BYTES = 64 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

// The body is read here, counted as it streams (no sign-in needed to send one), and handed on.
async function POST(req: NextRequest, context: Context): Promise<Response> {
  let body: Uint8Array;
  try {
    body = await readBodyLimited(req.body, AUTH_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return errorResponse(new AppError("PAYLOAD_TOO_LARGE", error.message, { maxBytes: AUTH_BODY_BYTES }));
    throw error;
  }
  return handler(new NextRequest(req.url, { method: "POST", headers: req.headers, body: body as BodyInit }), context);
}

export { handler as GET, POST };
