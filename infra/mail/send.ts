import "server-only";
import { randomUUID } from "node:crypto";
import { render } from "@react-email/components";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { env, isProduction } from "@/infra/env";
import { log, maskEmail } from "@/infra/log";
import { consumeMailQuota, type MailKind } from "@/infra/rate-limits";
import { recordOutboxMail } from "./outbox";

export type MailResult = { sent: true } | { sent: false };

type Mail = { to: string; subject: string; body: ReactElement; tag: MailKind };

/**
 * Sends through Resend, or without RESEND_API_KEY (never in production) logs the mail and keeps it
 * for /dev/outbox. Never throws: a failed send is reported. Over the recipient's cap a mail is
 * dropped and reported as sent, so the answer reveals nothing about the address.
 */
export async function sendMail({ to, subject, body, tag }: Mail): Promise<MailResult> {
  const allowance = await quota(tag, to);
  if (allowance === "capped") return { sent: true };
  // Without its counter the mail might be one too many: it is not sent, and the caller is told.
  if (allowance === "unknown") return { sent: false };

  const [html, text] = await Promise.all([render(body), render(body, { plainText: true })]);

  if (!env.RESEND_API_KEY) {
    if (isProduction) return { sent: false };
    const links = [...new Set(text.match(/https?:\/\/[^\s\])]+/g) ?? [])];
    recordOutboxMail({ id: randomUUID(), to, subject, text, html, links, sentAt: new Date() });
    console.log(
      `\n📬 Mail to ${to} — ${subject}\n${links.map((link) => `   ${link}`).join("\n")}\n   (also at ${env.APP_URL}/dev/outbox)\n`,
    );
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
      log.warn("mail.failed", {
        tag,
        to: maskEmail(to),
        reason: error.name ?? "error",
        status: "statusCode" in error ? error.statusCode : undefined,
      });
      return { sent: false };
    }
    log.info("mail.sent", { tag, to: maskEmail(to) });
    return { sent: true };
  } catch (error) {
    log.warn("mail.failed", { tag, to: maskEmail(to), reason: error instanceof Error ? error.name : "error" });
    return { sent: false };
  }
}

async function quota(tag: MailKind, to: string): Promise<"ok" | "capped" | "unknown"> {
  try {
    if (await consumeMailQuota(tag, to)) return "ok";
    log.warn("mail.capped", { tag, to: maskEmail(to) });
    return "capped";
  } catch (error) {
    log.warn("mail.quota_failed", { tag, to: maskEmail(to), reason: error instanceof Error ? error.name : "error" });
    return "unknown";
  }
}
