import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { oneTimeTokens, users } from "@/infra/db/schema";
import { hashPassword } from "@/core/passwords/hash";
import { revokeUserSessions } from "./sessions";
import { consumeToken, issueToken, peekToken } from "./tokens";
import { env } from "@/infra/env";
import { sendMail } from "@/infra/mail/send";
import { PasswordResetMail } from "./mail-templates";
import { clearLoginFailures } from "@/infra/rate-limits";
import { findUserByEmail, findUserById } from "./users";

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Mails a reset link if the address has an account (the caller answers the same). An inactive account's name is unconfirmed, so the mail greets without it. */
export async function requestPasswordReset(db: Db, email: string): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user) return;
  const token = await issueToken(db, user.id, "password_reset", RESET_TOKEN_TTL_MS);
  await sendMail({
    to: user.email,
    subject: "Reset your Pantry password",
    body: PasswordResetMail({ name: user.isActive ? user.name : null, resetUrl: `${env.APP_URL}/reset-password/${token}` }),
    tag: "password-reset",
  });
}

export async function checkResetToken(db: Db, token: string) {
  const live = await peekToken(db, token, "password_reset");
  return live ? findUserById(db, live.userId) : null;
}

/** Once per token: every session ends, the login back-off clears, nobody is signed in. A pending activation link then activates with this password. Returns the account's address, or null when the link does not work. */
export async function resetPassword(db: Db, token: string, newPassword: string): Promise<string | null> {
  const passwordHash = await hashPassword(newPassword, env.PASSWORD_ITERATIONS);
  const user = await db.transaction(async (tx) => {
    const used = await consumeToken(tx, token, "password_reset");
    if (!used) return null;
    const [row] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, used.userId))
      .returning({ id: users.id, email: users.email });
    await tx
      .update(oneTimeTokens)
      .set({ passwordHash: null })
      .where(and(eq(oneTimeTokens.userId, used.userId), eq(oneTimeTokens.purpose, "activation"), isNull(oneTimeTokens.usedAt)));
    return row ?? null;
  });
  if (!user) return null;
  await revokeUserSessions(db, user.id);
  await clearLoginFailures(user.email);
  return user.email;
}
