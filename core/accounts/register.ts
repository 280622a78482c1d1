import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { users } from "@/infra/db/schema";
import { hashPassword } from "@/core/passwords/hash";
import { env } from "@/infra/env";
import type { MailResult } from "@/infra/mail/send";
import { issueActivationToken, sendAccountExistsMail, sendActivationMail } from "./activation-mail";
import type { ServerRegisterInput } from "./server-schemas";
import { findUserByEmail } from "./users";

const byEmail = (email: string) => eq(sql`lower(${users.email})`, email.trim().toLowerCase());

/**
 * A new address gets an inactive account; an inactive one takes this registration's name and password, carried by the
 * link mailed now; an active one is left alone and its owner mailed. Either way one hash and one mail (no user
 * enumeration), and the row lock makes the newest token and the row's credentials come from the same registration.
 */
export async function registerAccount(db: Db, input: ServerRegisterInput): Promise<MailResult> {
  const passwordHash = await hashPassword(input.password, env.PASSWORD_ITERATIONS);
  const registration = { name: input.name, passwordHash };

  const pending = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    const [inactive] = created
      ? [created]
      : await tx
          .update(users)
          .set(registration)
          .where(and(byEmail(input.email), eq(users.isActive, false)))
          .returning({ id: users.id, email: users.email });
    if (!inactive) return null;
    return { email: inactive.email, token: await issueActivationToken(tx, inactive.id, registration) };
  });
  if (pending) return sendActivationMail(pending.email, pending.token);

  const existing = await findUserByEmail(db, input.email);
  if (!existing?.isActive) return { sent: false };
  return sendAccountExistsMail(existing);
}

/** "Send the link again": only inactive accounts get mail, the link carrying their latest registration; the caller answers the same for all. */
export async function resendActivation(db: Db, email: string): Promise<MailResult> {
  const pending = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
      .from(users)
      .where(and(byEmail(email), eq(users.isActive, false)))
      .for("update");
    if (!user) return null;
    return { email: user.email, token: await issueActivationToken(tx, user.id, { name: user.name, passwordHash: user.passwordHash }) };
  });
  return pending ? sendActivationMail(pending.email, pending.token) : { sent: true };
}
