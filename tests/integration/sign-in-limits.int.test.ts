import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_FROM_SOCKET_ENV, PEER_HEADER } from "../../lib/auth/client-address";
import { checkCredentials, WRONG_CREDENTIALS } from "../../lib/auth/options";
import { PER_ACCOUNT, PER_ADDRESS } from "../../lib/auth/rate-limit";
import { reserveSignInAttempt } from "../../lib/db/accounts/sign-in-attempts";
import { makeUser, unique } from "../support/factories";

// checkCredentials is what next-auth's credentials provider calls; `peer` is
// what scripts/serve.ts puts in the peer header from the socket.
const signIn = (email: string, password: string, peer: string, forwardedFor?: string) =>
  checkCredentials({ email, password }, { [PEER_HEADER]: peer, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

type Outcome = "signed-in" | "wrong" | "too-many";
async function outcome(attempt: Promise<unknown>): Promise<Outcome> {
  try {
    await attempt;
    return "signed-in";
  } catch (error) {
    const message = (error as Error).message;
    if (message === WRONG_CREDENTIALS) return "wrong";
    expect(message).toMatch(/Too many failed sign-in attempts/);
    return "too-many";
  }
}
const tally = (outcomes: Outcome[]) => ({ signedIn: outcomes.filter((o) => o === "signed-in").length, checked: outcomes.filter((o) => o !== "too-many").length });

const randomPeer = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

describe("sign-in limits", () => {
  beforeAll(() => void (process.env[PEER_FROM_SOCKET_ENV] = "1"));
  afterAll(() => void delete process.env[PEER_FROM_SOCKET_ENV]);

  it("a parallel burst of 150 reservations on one key lets exactly the limit through", async () => {
    const key = `address:${unique("burst")}`;
    const results = await Promise.all(Array.from({ length: 150 }, () => reserveSignInAttempt(key, PER_ADDRESS)));
    expect(results.filter((r) => r.allowed)).toHaveLength(PER_ADDRESS.maxAttempts);
    expect(Math.min(...results.map((r) => r.retryAfterMs))).toBeGreaterThan(PER_ADDRESS.windowMs - 60_000);
  });

  it("a burst of 150 guesses from one address checks at most the address limit's passwords", async () => {
    const peer = randomPeer();
    const outcomes = await Promise.all(Array.from({ length: 150 }, (_, i) => outcome(signIn(`${unique(`spray${i}`)}@test.example`, "guess", peer))));
    expect(tally(outcomes)).toEqual({ signedIn: 0, checked: PER_ADDRESS.maxAttempts });
  });

  it("30 wrong guesses and the right one sent in parallel do not sign in, and check at most the account limit", async () => {
    const user = await makeUser("ANALYST", "the right password");
    const guesses = Array.from({ length: 30 }, (_, i) => signIn(user.email, `wrong-${i}`, randomPeer()));
    const right = signIn(user.email, "the right password", randomPeer());
    const outcomes = await Promise.all([...guesses, right].map(outcome));
    expect(tally(outcomes)).toEqual({ signedIn: 0, checked: PER_ACCOUNT.maxAttempts });
    expect(await outcome(signIn(user.email, "the right password", randomPeer()))).toBe("too-many");
  });

  it("one address's failures never lock out another address", async () => {
    const attacker = randomPeer();
    const user = await makeUser("ANALYST", "the right password");
    for (let i = 0; i < PER_ADDRESS.maxAttempts; i++) expect(await outcome(signIn(`${unique("x")}@test.example`, "guess", attacker))).toBe("wrong");
    expect(await outcome(signIn(user.email, "the right password", attacker))).toBe("too-many");
    expect(await outcome(signIn(user.email, "the right password", randomPeer()))).toBe("signed-in");
  });

  it("X-Forwarded-For from an untrusted peer is not believed: rotating it does not escape the limit", async () => {
    const attacker = randomPeer();
    for (let i = 0; i < PER_ADDRESS.maxAttempts; i++) await outcome(signIn(`${unique("x")}@test.example`, "guess", attacker, randomPeer()));
    expect(await outcome(signIn(`${unique("x")}@test.example`, "guess", attacker, randomPeer()))).toBe("too-many");
  });

  it("a successful sign-in forgets the account's failures and does not count against the address", async () => {
    const peer = randomPeer();
    const user = await makeUser("ANALYST", "the right password");
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < PER_ACCOUNT.maxAttempts - 1; i++) expect(await outcome(signIn(user.email, "wrong", peer))).toBe("wrong");
      expect(await outcome(signIn(user.email, "the right password", peer))).toBe("signed-in");
    }
  });
});
