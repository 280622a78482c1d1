import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { users } from "@/infra/db/schema";
import { env } from "@/infra/env";
import { errorCode } from "@/infra/error-causes";
import { sendMail, type MailResult } from "@/infra/mail/send";
import { checkPassword } from "./login";
import { EmailChangedMail, EmailChangeMail, EmailTakenMail } from "./mail-templates";
import { revokeUserSessions } from "./sessions";
import { consumeToken, issueToken, peekToken, retireTokens } from "./tokens";
import { findUserByEmail } from "./users";

export const EMAIL_CHANGE_TTL_HOURS = 24;
export const EMAIL_UNDO_TTL_DAYS = 7;

const UNIQUE_VIOLATION = "23505";

export type EmailChangeRequest =
  | { status: "sent"; mail: MailResult }
  | { status: "same" }
  | { status: "wrong-password" }
  | { status: "locked"; retryAfterSeconds: number };

/**
 * Checks the password with a login's back-off, then mails the new address: a confirmation link when it is free, a
 * notice when it already has an account. Either way one mail to that address and the same answer, so the requester
 * learns nothing about it that its inbox would not tell them; the account changes only when the link is used.
 */
export async function requestEmailChange(
  db: Db,
  user: { id: string; email: string },
  currentPassword: string,
  newEmail: string,
): Promise<EmailChangeRequest> {
  const check = await checkPassword(db, user.email, currentPassword);
  if (check.status === "locked") return check;
  if (check.status !== "ok" || check.user.id !== user.id) return { status: "wrong-password" };
  const email = newEmail.trim().toLowerCase();
  if (email === check.user.email.toLowerCase()) return { status: "same" };

  if (await findUserByEmail(db, email)) {
    const mail = await sendMail({
      to: email,
      subject: "This address already has a Pantry account",
      body: EmailTakenMail({ loginUrl: `${env.APP_URL}/login`, resetUrl: `${env.APP_URL}/forgot-password` }),
      tag: "email-taken",
    });
    return { status: "sent", mail };
  }
  const token = await issueToken(db, user.id, "email_change", EMAIL_CHANGE_TTL_HOURS * 3_600_000, undefined, { email });
  const mail = await sendMail({
    to: email,
    subject: "Confirm your new address",
    body: EmailChangeMail({ confirmUrl: `${env.APP_URL}/email/confirm/${token}`, validHours: EMAIL_CHANGE_TTL_HOURS }),
    tag: "email-change",
  });
  return { status: "sent", mail };
}

/** The address a confirmation link would move its account to, without using it. */
export async function checkEmailChangeToken(db: Db, token: string): Promise<{ newEmail: string } | null> {
  const live = await peekToken(db, token, "email_change");
  return live?.email ? { newEmail: live.email } : null;
}

/** The address an undo link would restore, without using it. */
export async function checkEmailUndoToken(db: Db, token: string): Promise<{ email: string } | null> {
  const live = await peekToken(db, token, "email_undo");
  return live?.email ? { email: live.email } : null;
}

export type EmailChangeConfirmation = { status: "changed"; email: string } | { status: "taken" } | { status: "invalid" };

/**
 * Uses the link once: the account takes the new address, reset links mailed to the old one stop working, and the
 * old address is mailed a link that puts it back for EMAIL_UNDO_TTL_DAYS. Sessions stay: the account's owner made
 * the change.
 */
export async function confirmEmailChange(db: Db, token: string): Promise<EmailChangeConfirmation> {
  const live = await peekToken(db, token, "email_change");
  if (!live?.email) return { status: "invalid" };
  if (await addressTakenByAnother(db, live.email, live.userId)) return { status: "taken" };

  const changed = await uniqueAddress(() =>
    db.transaction(async (tx) => {
      const used = await consumeToken(tx, token, "email_change");
      if (!used?.email) return null;
      const [before] = await tx
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(and(eq(users.id, used.userId), eq(users.isActive, true)))
        .for("update");
      if (!before) return null;
      await tx.update(users).set({ email: used.email }).where(eq(users.id, before.id));
      await retireTokens(tx, before.id, "password_reset");
      const undoToken = await issueToken(tx, before.id, "email_undo", EMAIL_UNDO_TTL_DAYS * 86_400_000, undefined, {
        email: before.email,
        // Every earlier undo link stays good: whoever took the account cannot void one by changing the address again.
        keepEarlier: true,
      });
      return { ...before, newEmail: used.email, undoToken };
    }),
  );
  if (changed === "taken") return { status: "taken" };
  if (!changed) return { status: "invalid" };

  await sendMail({
    to: changed.email,
    subject: "Your Pantry address was changed",
    body: EmailChangedMail({
      name: changed.name,
      newEmail: changed.newEmail,
      undoUrl: `${env.APP_URL}/email/restore/${changed.undoToken}`,
      validDays: EMAIL_UNDO_TTL_DAYS,
    }),
    tag: "email-changed",
  });
  return { status: "changed", email: changed.newEmail };
}

export type EmailUndo = { status: "restored"; email: string } | { status: "taken" } | { status: "invalid" };

/**
 * Puts the address the link was mailed to back on its account and signs every device out. Undo links issued after
 * this one (to addresses set since) and pending changes and resets stop working; earlier undo links stay good, so the
 * first owner always has the last word.
 */
export async function undoEmailChange(db: Db, token: string): Promise<EmailUndo> {
  const live = await peekToken(db, token, "email_undo");
  if (!live?.email) return { status: "invalid" };
  // Someone registered the freed address meanwhile: the link stays good for when it is free again.
  if (await addressTakenByAnother(db, live.email, live.userId)) return { status: "taken" };

  const restored = await uniqueAddress(() =>
    db.transaction(async (tx) => {
      const used = await consumeToken(tx, token, "email_undo");
      if (!used?.email) return null;
      const [row] = await tx.update(users).set({ email: used.email }).where(eq(users.id, used.userId)).returning({ id: users.id });
      if (!row) return null;
      const now = new Date();
      await retireTokens(tx, row.id, "email_undo", now, used.createdAt);
      await retireTokens(tx, row.id, "email_change", now);
      await retireTokens(tx, row.id, "password_reset", now);
      await revokeUserSessions(tx, row.id);
      return used.email;
    }),
  );
  if (restored === "taken") return { status: "taken" };
  return restored ? { status: "restored", email: restored } : { status: "invalid" };
}

async function addressTakenByAnother(db: Db, email: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), ne(users.id, userId)))
    .limit(1);
  return row !== undefined;
}

/** A registration can take the address between the check and the write: the unique index refuses it, and that is "taken", not an error. */
async function uniqueAddress<T>(write: () => Promise<T>): Promise<T | "taken"> {
  try {
    return await write();
  } catch (error) {
    if (errorCode(error) === UNIQUE_VIOLATION) return "taken";
    throw error;
  }
}
