// pglite-socket has no authentication: whoever reaches its socket is the
// database's superuser. So the embedded server listens on a Unix socket in a
// private (0700) directory, and the TCP port on loopback is this gate: it asks
// every client for the generated password (PostgreSQL's own cleartext-password
// exchange; the bytes never leave the machine), refuses a wrong one with
// SQLSTATE 28P01, and only then pipes the connection through to the database.
import { timingSafeEqual, createHash } from "node:crypto";
import { connect, createServer, type Server, type Socket } from "node:net";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const PROTOCOL_3 = 196608;
const AUTH_TIMEOUT_MS = 10_000;
const MAX_STARTUP_BYTES = 10_000;

/** Reads exact byte counts from a socket that delivers arbitrary chunks. */
function reader(socket: Socket) {
  let buffered = Buffer.alloc(0);
  let waiting: { bytes: number; resolve: (b: Buffer) => void } | null = null;
  const pump = () => {
    if (waiting && buffered.length >= waiting.bytes) {
      const { bytes, resolve } = waiting;
      waiting = null;
      const out = buffered.subarray(0, bytes);
      buffered = buffered.subarray(bytes);
      resolve(out);
    }
  };
  const onData = (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    pump();
  };
  socket.on("data", onData);
  return {
    read: (bytes: number) =>
      new Promise<Buffer>((resolve) => {
        waiting = { bytes, resolve };
        pump();
      }),
    /** Stops reading; what arrived beyond the last read is handed back. */
    release: () => {
      socket.off("data", onData);
      socket.pause();
      return buffered;
    },
  };
}

function fatal(code: string, message: string): Buffer {
  const fields = Buffer.concat([Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0`), Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

const ASK_FOR_PASSWORD = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]); // 'R', length 8, AuthenticationCleartextPassword
const digest = (s: string | Buffer) => createHash("sha256").update(s).digest();

async function authenticate(client: Socket, password: string): Promise<{ startup: Buffer; rest: Buffer } | null> {
  const input = reader(client);
  for (;;) {
    const head = await input.read(8);
    const length = head.readInt32BE(0);
    const code = head.readInt32BE(4);
    if (length === 8 && (code === SSL_REQUEST || code === GSSENC_REQUEST)) {
      client.write("N"); // no encryption on loopback
      continue;
    }
    if (code !== PROTOCOL_3 || length < 8 || length > MAX_STARTUP_BYTES) return null; // cancel requests, old protocols, garbage
    const startup = Buffer.concat([head, await input.read(length - 8)]);
    client.write(ASK_FOR_PASSWORD);
    const reply = await input.read(5);
    const replyLength = reply.readInt32BE(1);
    if (reply.toString("latin1", 0, 1) !== "p" || replyLength < 5 || replyLength > MAX_STARTUP_BYTES) return null;
    const given = (await input.read(replyLength - 4)).subarray(0, -1); // NUL-terminated
    if (!timingSafeEqual(digest(given), digest(password))) {
      client.end(fatal("28P01", "password authentication failed for the embedded database"));
      return null;
    }
    return { startup, rest: input.release() };
  }
}

/** Listens on 127.0.0.1:`port` (0 = any free port) and lets through only clients that send `password`. */
export function startPasswordGate(opts: { port: number; password: string; upstreamPath: string }): Promise<{ port: number; close: () => Promise<void> }> {
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.setNoDelay(true); // small protocol messages go out at once, as they would from PostgreSQL itself
    client.on("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    const timer = setTimeout(() => client.destroy(), AUTH_TIMEOUT_MS);
    void authenticate(client, opts.password).then((passed) => {
      clearTimeout(timer);
      if (!passed) {
        if (!client.writableEnded) client.destroy();
        return;
      }
      const upstream = connect(opts.upstreamPath);
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
      upstream.write(Buffer.concat([passed.startup, passed.rest]));
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => {
      const address = server.address();
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          for (const socket of open) socket.destroy();
        });
      resolve({ port: typeof address === "object" && address ? address.port : opts.port, close });
    });
  });
}
