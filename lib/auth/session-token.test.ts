import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken, sessionCookieName, sessionTokenFrom } from "./session-token";

const secret = "a-test-secret-of-at-least-thirty-two-characters";
const EIGHT_HOURS = 8 * 60 * 60;

describe("session tokens", () => {
  it("reads back what it wrote", async () => {
    const token = await encodeSessionToken({ token: { id: "u1", role: "ANALYST" }, secret, maxAgeSeconds: EIGHT_HOURS });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ id: "u1", role: "ANALYST" });
  });

  it("is interchangeable with next-auth's own encode and decode", async () => {
    const ours = await encodeSessionToken({ token: { id: "u1" }, secret, maxAgeSeconds: EIGHT_HOURS });
    expect(await nextAuthDecode({ token: ours, secret })).toMatchObject({ id: "u1" });
    const theirs = await nextAuthEncode({ token: { id: "u2", role: "ANALYST", sid: "s2" }, secret, maxAge: EIGHT_HOURS });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject({ id: "u2" });
  });

  it("expires: valid until its maximum age (plus next-auth's 15 s of clock tolerance), refused after", async () => {
    const signedIn = new Date("2026-11-25T08:00:00Z");
    const token = await encodeSessionToken({ token: { id: "u1" }, secret, maxAgeSeconds: EIGHT_HOURS, now: signedIn });
    const after = (seconds: number) => new Date(signedIn.getTime() + seconds * 1000);
    expect(await decodeSessionToken({ token, secret, now: after(EIGHT_HOURS - 1) })).toMatchObject({ id: "u1" });
    expect(await decodeSessionToken({ token, secret, now: after(EIGHT_HOURS + 16) })).toBeNull();
  });

  it("a token read once still expires on time, and is not accepted under another secret", async () => {
    const signedIn = new Date("2026-11-25T08:00:00Z");
    const token = await encodeSessionToken({ token: { id: "u3" }, secret, maxAgeSeconds: 60, now: signedIn });
    expect(await decodeSessionToken({ token, secret, now: signedIn })).toMatchObject({ id: "u3" });
    expect(await decodeSessionToken({ token, secret, now: new Date(signedIn.getTime() + 76_000) })).toBeNull();
    expect(await decodeSessionToken({ token, secret: `${secret}-other`, now: signedIn })).toBeNull();
  });

  it("refuses a token made with another secret, a tampered token and garbage", async () => {
    const token = await encodeSessionToken({ token: { id: "u1" }, secret, maxAgeSeconds: EIGHT_HOURS });
    expect(await decodeSessionToken({ token, secret: `${secret}-other` })).toBeNull();
    const parts = token.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith("AA") ? "BB" : "AA"}`;
    expect(await decodeSessionToken({ token: parts.join("."), secret })).toBeNull();
    expect(await decodeSessionToken({ token: "not.a.token", secret })).toBeNull();
  });
});

describe("the session cookie", () => {
  it("is the __Secure- one over HTTPS only, as next-auth names it", () => {
    expect(sessionCookieName("https://slant.example.org")).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
    expect(sessionCookieName(undefined)).toBe("next-auth.session-token");
  });

  it("is read whole or reassembled from next-auth's chunks, and only under the expected name", () => {
    const name = "next-auth.session-token";
    expect(sessionTokenFrom(new Map([[name, "abc"]]), name)).toBe("abc");
    expect(sessionTokenFrom(new Map([[`${name}.1`, "def"], [`${name}.0`, "abc"]]), name)).toBe("abcdef");
    expect(sessionTokenFrom(new Map([[`__Secure-${name}`, "abc"]]), name)).toBeNull();
    expect(sessionTokenFrom(new Map(), name)).toBeNull();
  });
});
