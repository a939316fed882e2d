// Sending mail, when an SMTP server is configured (SLANT_SMTP_URL): Slant needs
// no mail server, so every message it sends is also something the admin can
// pass on by hand (an invitation link). A failure to send is reported to the
// caller in words, never thrown past it: the link still works.
import nodemailer, { type Transporter } from "nodemailer";

export type MailSettings = { smtpUrl: string; from: string };
export type Mail = { to: string; subject: string; text: string };
export type MailOutcome = { sent: true } | { sent: false; reason: string };

const transports = new Map<string, Transporter>();

export async function sendMail(settings: MailSettings, mail: Mail): Promise<MailOutcome> {
  let transport = transports.get(settings.smtpUrl);
  if (!transport) transports.set(settings.smtpUrl, (transport = nodemailer.createTransport(settings.smtpUrl)));
  try {
    await transport.sendMail({ from: settings.from, ...mail });
    return { sent: true };
  } catch (error) {
    // The server's own words (a refusal, a timeout) help the admin; the URL with its password is never shown.
    console.error("[slant] mail not sent:", error);
    return { sent: false, reason: error instanceof Error ? error.message.replace(settings.smtpUrl, "the SMTP server") : "the SMTP server refused it" };
  }
}
