import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("reads SLANT_WORKERS as a whole number of processes, unset by default", () => {
    expect(readEnv({ SLANT_WORKERS: "3" }).SLANT_WORKERS).toBe(3);
    expect(readEnv({}).SLANT_WORKERS).toBeUndefined();
    expect(readEnv({ SLANT_WORKERS: "" }).SLANT_WORKERS).toBeUndefined();
  });

  it("refuses a worker count that is not a positive whole number, naming the variable", () => {
    for (const bad of ["abc", "0", "1.5", "-2"]) expect(() => readEnv({ SLANT_WORKERS: bad }), bad).toThrow(/SLANT_WORKERS/);
  });
});

describe("SLANT_TRUSTED_PROXIES", () => {
  it("accepts addresses and ranges, and refuses anything else at start-up", () => {
    expect(readEnv({ SLANT_TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8" }).SLANT_TRUSTED_PROXIES).toBe("127.0.0.1, 10.0.0.0/8");
    expect(() => readEnv({ SLANT_TRUSTED_PROXIES: "proxy.internal" })).toThrow(/SLANT_TRUSTED_PROXIES: "proxy.internal" is not an IP address/);
  });
});

describe("the rest of the configuration", () => {
  it("reads the database mode start.ts sets, postgres unless it says embedded, and refuses any other", () => {
    expect(readEnv({}).SLANT_DATABASE_MODE).toBe("postgres");
    expect(readEnv({ SLANT_DATABASE_MODE: "embedded" }).SLANT_DATABASE_MODE).toBe("embedded");
    expect(() => readEnv({ SLANT_DATABASE_MODE: "sqlite" })).toThrow(/SLANT_DATABASE_MODE/);
  });

  it("takes a pseudonym secret of 32+ characters, separate from the session secret", () => {
    const env = readEnv({ AUTH_SECRET: "s".repeat(32), SLANT_PSEUDONYM_SECRET: "p".repeat(32) });
    expect([env.AUTH_SECRET, env.SLANT_PSEUDONYM_SECRET]).toEqual(["s".repeat(32), "p".repeat(32)]);
    expect(readEnv({}).SLANT_PSEUDONYM_SECRET).toBeUndefined();
    expect(() => readEnv({ SLANT_PSEUDONYM_SECRET: "short" })).toThrow(/SLANT_PSEUDONYM_SECRET: must be at least 32 characters/);
  });

  it("refuses a public address that is not a URL, and believes the peer header only when serve.ts says so", () => {
    expect(readEnv({ NEXTAUTH_URL: "https://slant.example.org" }).NEXTAUTH_URL).toBe("https://slant.example.org");
    expect(() => readEnv({ NEXTAUTH_URL: "slant.example.org" })).toThrow(/NEXTAUTH_URL/);
    expect(readEnv({ SLANT_PEER_FROM_SOCKET: "1" }).SLANT_PEER_FROM_SOCKET).toBe("1");
    expect(readEnv({}).SLANT_PEER_FROM_SOCKET).toBeUndefined();
  });
});
