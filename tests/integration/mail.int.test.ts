import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitationMessage } from "../../lib/mail/invitation-message";
import { sendMail } from "../../lib/mail/send";

// Invitations go out by SMTP when one is configured: a real SMTP server on
// loopback receives them here.

const received: { from: string; to: string[]; data: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let data = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (data += chunk));
    stream.on("end", () => {
      received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});
let port = 0;

beforeAll(async () => {
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("invitation mail", () => {
  it("is delivered to the invitee with the link, from the configured sender", async () => {
    const url = "https://slant.example.org/invite/0123456789abcdef";
    const outcome = await sendMail(
      { smtpUrl: `smtp://127.0.0.1:${port}`, from: "Slant <slant@example.org>" },
      invitationMessage({ to: "invitee@example.org", inviter: "Rosa Admin", role: "ANALYST", url, expiresAt: new Date("2026-12-03T09:30:00Z") }),
    );
    expect(outcome).toEqual({ sent: true });
    const mail = received.at(-1)!;
    expect(mail).toMatchObject({ from: "slant@example.org", to: ["invitee@example.org"] });
    expect(mail.data).toMatch(/Subject: Rosa Admin invites you to Slant/);
    // Quoted-printable: soft line breaks ("=" at a line end) folded back.
    expect(mail.data.replace(/=\r\n/g, "").replace(/=3D/g, "=")).toContain(url);
  });

  it("reports a server that cannot be reached in words, without the URL's password, and throws nothing", async () => {
    const closed = new SMTPServer({ authOptional: true });
    closed.listen(0, "127.0.0.1");
    await once(closed.server, "listening");
    const unusedPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const smtpUrl = `smtp://slant:s3cret-password@127.0.0.1:${unusedPort}`;
    const outcome = await sendMail({ smtpUrl, from: "slant@example.org" }, { to: "x@example.org", subject: "s", text: "t" });
    expect(outcome.sent).toBe(false);
    expect(JSON.stringify(outcome)).not.toContain("s3cret-password");
  });
});
