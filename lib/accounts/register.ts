import "server-only";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import type { MailResult } from "@/lib/mail/send";
import { sendAccountExistsMail, sendActivationMail } from "./activation-mail";
import type { ServerRegisterInput } from "./server-schemas";
import { findUserByEmail } from "./users";

/**
 * Registers an address, or, when it already has an account, leaves that account untouched and
 * mails its owner instead. Both paths hash a password and send one mail, so the caller can give
 * the same answer either way (no user enumeration). Concurrent registrations of one address
 * make exactly one account: the unique index on lower(email) decides, not a prior SELECT.
 */
export async function registerAccount(input: ServerRegisterInput): Promise<MailResult> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password, env.PASSWORD_ITERATIONS);
  const [created] = await db
    .insert(users)
    .values({ name: input.name, email: input.email, passwordHash })
    .onConflictDoNothing()
    .returning({ id: users.id, name: users.name, email: users.email, isActive: users.isActive });

  if (created) return sendActivationMail(db, created);

  const existing = await findUserByEmail(db, input.email);
  if (!existing) return { sent: false };
  return existing.isActive ? sendAccountExistsMail(existing) : sendActivationMail(db, existing);
}

/** "Send the link again": only inactive accounts get mail; the caller answers the same for all. */
export async function resendActivation(email: string): Promise<MailResult> {
  const db = await getDb();
  const user = await findUserByEmail(db, email);
  if (!user || user.isActive) return { sent: true };
  return sendActivationMail(db, user);
}
