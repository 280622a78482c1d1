import "server-only";
import type { Db } from "@/infra/db";
import { issueToken, type Registration } from "./tokens";
import { env } from "@/infra/env";
import { sendMail, type MailResult } from "@/infra/mail/send";
import { AccountExistsMail, ActivationMail } from "./mail-templates";
import type { PublicUser } from "./users";

/** Carries the registration it confirms; older links stop working. Run it in that registration's transaction, mail after the commit. */
export async function issueActivationToken(db: Db, userId: string, registration: Registration): Promise<string> {
  return issueToken(db, userId, "activation", env.ACTIVATION_TOKEN_TTL_HOURS * 3_600_000, registration);
}

/** The address is unconfirmed, so the mail holds nothing the registrant typed (a name could carry phishing text to anyone). */
export async function sendActivationMail(email: string, token: string): Promise<MailResult> {
  return sendMail({
    to: email,
    subject: "Confirm your account",
    body: ActivationMail({ activationUrl: `${env.APP_URL}/activate/${token}`, validHours: env.ACTIVATION_TOKEN_TTL_HOURS }),
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
