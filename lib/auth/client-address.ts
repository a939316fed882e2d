import { BlockList, isIP } from "node:net";

/**
 * The header scripts/serve.ts sets from the connection's own peer address,
 * after deleting any copy a client sent: the one address a client cannot
 * choose. serve.ts also sets SLANT_PEER_FROM_SOCKET=1, so that under a server
 * that does not set it (`next dev`) a client-sent copy is never believed.
 */
export const PEER_HEADER = "x-slant-peer";
export const PEER_FROM_SOCKET_ENV = "SLANT_PEER_FROM_SOCKET";

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
function plainAddress(value: string): string {
  const trimmed = value.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

const family = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * SLANT_TRUSTED_PROXIES: addresses and CIDR ranges, separated by commas or
 * spaces ("127.0.0.1, 10.0.0.0/8, ::1"). Throws on an entry that is neither.
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [address = "", bits, extra] = entry.split("/");
    const plain = plainAddress(address);
    const version = isIP(plain);
    if (version === 0 || extra !== undefined) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    if (bits === undefined) {
      list.addAddress(plain, family(plain));
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d{1,3}$/.test(bits) || prefix > (version === 4 ? 32 : 128)) throw new Error(`"${entry}" has an invalid prefix length`);
    list.addSubnet(plain, prefix, family(plain));
  }
  return list;
}

/**
 * The address a request comes from, for rate limits: the connection's peer,
 * unless that peer is a trusted proxy, in which case the X-Forwarded-For entry
 * it appended (walking right to left past further trusted proxies). Entries
 * left of the first untrusted hop are the client's own words and ignored.
 */
export function clientAddress(args: { peer: string | undefined; forwardedFor: string | undefined; trusted: BlockList }): string {
  if (!args.peer || isIP(plainAddress(args.peer)) === 0) return "unknown";
  let address = plainAddress(args.peer);
  const hops = (args.forwardedFor ?? "").split(",").map(plainAddress).filter(Boolean).reverse();
  for (const hop of hops) {
    if (!args.trusted.check(address, family(address))) break;
    if (isIP(hop) === 0) break;
    address = hop;
  }
  return address;
}
