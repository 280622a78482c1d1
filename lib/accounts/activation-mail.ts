import "server-only";
import type { Database } from "@/db";
import { issueToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { sendMail, type MailResult } from "@/lib/mail/send";
import { AccountExistsMail, ActivationMail } from "@/lib/mail/templates";
import type { PublicUser } from "./users";

/** A fresh activation link (older ones stop working) mailed to an inactive user. */
export async function sendActivationMail(db: Database, user: PublicUser): Promise<MailResult> {
  const hours = env.ACTIVATION_TOKEN_TTL_HOURS;
  const token = await issueToken(db, user.id, "activation", hours * 3_600_000);
  return sendMail({
    to: user.email,
    subject: "Confirm your account",
    body: ActivationMail({ name: user.name, activationUrl: `${env.APP_URL}/activate/${token}`, validHours: hours }),
    tag: "activation",
  });
}

/** Someone registered with the address of an active account: tell its owner, change nothing. */
export async function sendAccountExistsMail(user: PublicUser): Promise<MailResult> {
  return sendMail({
    to: user.email,
    subject: "You already have a Pantry account",
    body: AccountExistsMail({ name: user.name, loginUrl: `${env.APP_URL}/login`, resetUrl: `${env.APP_URL}/forgot-password` }),
    tag: "account-exists",
  });
}
