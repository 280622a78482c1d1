import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { users } from "@/infra/db/schema";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/core/passwords/hash";
import { env } from "@/infra/env";
import { log, maskEmail } from "@/infra/log";
import { clearLoginFailures, loginLock, recordLoginFailure } from "@/infra/rate-limits";
import { findCredentialsByEmail, type PublicUser } from "./users";

export type PasswordCheck =
  { status: "ok"; user: PublicUser; needsRehash: boolean } | { status: "invalid" } | { status: "locked"; retryAfterSeconds: number };

export type LoginCheck =
  { status: "ok"; user: PublicUser } | { status: "invalid" } | { status: "inactive" } | { status: "locked"; retryAfterSeconds: number };

/** The one password check (login form, Auth.js provider, password change): refused while paused, failures counted and logged, cleared on success; an unknown address costs a hash too. */
export async function checkPassword(db: Db, email: string, password: string): Promise<PasswordCheck> {
  const lock = await loginLock(email);
  if (!lock.allowed) {
    log.warn("login.locked", { to: maskEmail(email) });
    return { status: "locked", retryAfterSeconds: lock.retryAfterSeconds };
  }
  const row = await findCredentialsByEmail(db, email);
  const verified = row
    ? await verifyPassword(row.passwordHash, password, env.PASSWORD_ITERATIONS)
    : await verifyAgainstDummy(password, env.PASSWORD_ITERATIONS).then(() => null);
  if (!row || !verified?.ok) {
    await recordLoginFailure(email);
    log.warn("login.failed", { to: maskEmail(email) });
    return { status: "invalid" };
  }
  await clearLoginFailures(email);
  return {
    status: "ok",
    user: { id: row.id, name: row.name, email: row.email, isActive: row.isActive },
    needsRehash: verified.needsRehash,
  };
}

/**
 * Only someone who knows the password learns that the account is unconfirmed; a correct password on
 * an old hash format or cost is re-hashed. The login time is written with the session (startSession).
 */
export async function checkCredentials(db: Db, email: string, password: string): Promise<LoginCheck> {
  const check = await checkPassword(db, email, password);
  if (check.status !== "ok") return check;
  if (!check.user.isActive) return { status: "inactive" };
  if (check.needsRehash) {
    const passwordHash = await hashPassword(password, env.PASSWORD_ITERATIONS);
    await db.update(users).set({ passwordHash }).where(eq(users.id, check.user.id));
  }
  return { status: "ok", user: check.user };
}
