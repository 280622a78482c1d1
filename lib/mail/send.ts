import "server-only";
import { randomUUID } from "node:crypto";
import { render } from "@react-email/components";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { env, isProduction } from "@/lib/env";
import { log, maskEmail } from "@/lib/log";
import { recordOutboxMail } from "./outbox";

export type MailResult = { sent: true } | { sent: false };

type Mail = { to: string; subject: string; body: ReactElement; tag: string };

/**
 * Sends through Resend when RESEND_API_KEY is set; otherwise (development and tests only, enforced by
 * lib/env.ts) prints the mail with its links to the log and keeps it for /dev/outbox.
 * Never throws: a failed or slow send is reported so the caller can tell the person.
 */
export async function sendMail({ to, subject, body, tag }: Mail): Promise<MailResult> {
  const [html, text] = await Promise.all([render(body), render(body, { plainText: true })]);

  if (!env.RESEND_API_KEY) {
    if (isProduction) return { sent: false };
    const links = [...new Set(text.match(/https?:\/\/[^\s\])]+/g) ?? [])];
    recordOutboxMail({ id: randomUUID(), to, subject, text, html, links, sentAt: new Date() });
    console.log(`\n📬 Mail to ${to} — ${subject}\n${links.map((link) => `   ${link}`).join("\n")}\n   (also at ${env.APP_URL}/dev/outbox)\n`);
    return { sent: true };
  }

  try {
    // Constructed per send: the SDK throws without a key and reads RESEND_BASE_URL when built.
    const resend = new Resend(env.RESEND_API_KEY);
    const { error } = await resend.emails.send(
      { from: env.MAIL_FROM, to: [to], subject, html, text, tags: [{ name: "category", value: tag }] },
      { signal: AbortSignal.timeout(env.MAIL_SEND_TIMEOUT_MS) },
    );
    if (error) {
      log.warn("mail.failed", { tag, to: maskEmail(to), reason: error.name ?? "error", status: "statusCode" in error ? error.statusCode : undefined });
      return { sent: false };
    }
    log.info("mail.sent", { tag, to: maskEmail(to) });
    return { sent: true };
  } catch (error) {
    log.warn("mail.failed", { tag, to: maskEmail(to), reason: error instanceof Error ? error.name : "error" });
    return { sent: false };
  }
}
