import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address";

describe("clientAddress", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8 ::1");

  it.each([
    ["the peer itself without trusted proxies", { peer: "203.0.113.9", forwardedFor: undefined, trusted: none }, "203.0.113.9"],
    ["a client's own X-Forwarded-For is ignored from an untrusted peer", { peer: "203.0.113.9", forwardedFor: "198.51.100.1", trusted: none }, "203.0.113.9"],
    ["an IPv4-mapped peer is the IPv4 address", { peer: "::ffff:203.0.113.9", forwardedFor: undefined, trusted: none }, "203.0.113.9"],
    ["a trusted proxy's appended entry", { peer: "127.0.0.1", forwardedFor: "198.51.100.1", trusted: proxies }, "198.51.100.1"],
    ["a spoofed entry left of the real one is ignored", { peer: "10.1.2.3", forwardedFor: "1.1.1.1, 198.51.100.1", trusted: proxies }, "198.51.100.1"],
    ["a chain of trusted proxies is walked", { peer: "::ffff:127.0.0.1", forwardedFor: "198.51.100.7, 10.0.0.5", trusted: proxies }, "198.51.100.7"],
    ["a trusted proxy forwarding garbage stays the address", { peer: "127.0.0.1", forwardedFor: "not-an-ip", trusted: proxies }, "127.0.0.1"],
    ["no peer at all", { peer: undefined, forwardedFor: "198.51.100.1", trusted: proxies }, "unknown"],
  ])("%s", (_name, args, expected) => {
    expect(clientAddress(args)).toBe(expected);
  });
});

describe("parseTrustedProxies", () => {
  it.each(["localhost", "10.0.0.0/33", "10.0.0.1/8/1", "::1/129", "10.0.0.0/x"])("refuses %s", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow();
  });
  it("accepts addresses and ranges of both families", () => {
    const list = parseTrustedProxies("192.168.0.0/16,2001:db8::/32 ::1");
    expect(list.check("192.168.4.4", "ipv4")).toBe(true);
    expect(list.check("2001:db8::7", "ipv6")).toBe(true);
    expect(list.check("192.169.0.1", "ipv4")).toBe(false);
  });
});
