import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

// Outgoing e-mail through the hospital's SMTP relay (SMTP_URL, e.g. smtp://relay.chu.local:25
// or smtps://user:pass@host:465). Without it nothing is sent and the administrator hands the
// link over themselves: the product works the same, only the delivery changes.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Sends, or says why not: a failed delivery must not undo the change that asked for it. */
  send(mail: OutgoingMail): Promise<{ sent: true } | { sent: false; reason: "NOT_CONFIGURED" | "FAILED" }>;
}

const slot = globalThis as unknown as { __teleradioMailer?: { url: string; transport: Transporter } };

export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  return {
    async send(mail) {
      if (!options.smtpUrl) return { sent: false, reason: "NOT_CONFIGURED" };
      if (slot.__teleradioMailer?.url !== options.smtpUrl) {
        slot.__teleradioMailer = { url: options.smtpUrl, transport: nodemailer.createTransport(options.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
      }
      try {
        await slot.__teleradioMailer.transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
        return { sent: true };
      } catch (error) {
        console.error(`[mail] could not send "${mail.subject}" to ${mail.to}:`, error instanceof Error ? error.message : error);
        return { sent: false, reason: "FAILED" };
      }
    },
  };
}
