import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { findCredentialsByEmail, type PublicUser } from "./users";

export type LoginCheck = { status: "ok"; user: PublicUser } | { status: "invalid" } | { status: "inactive" };

/**
 * Checks an email and password. An unknown address costs one full hash too, so it answers in the
 * same time as a wrong password. A correct password on an old hash format or cost is re-hashed.
 */
export async function checkCredentials(email: string, password: string): Promise<LoginCheck> {
  const db = await getDb();
  const row = await findCredentialsByEmail(db, email);
  if (!row) {
    await verifyAgainstDummy(password, env.PASSWORD_ITERATIONS);
    return { status: "invalid" };
  }
  const { ok, needsRehash } = await verifyPassword(row.passwordHash, password, env.PASSWORD_ITERATIONS);
  if (!ok) return { status: "invalid" };
  // Only someone who knows the password learns that the account is not confirmed yet.
  if (!row.isActive) return { status: "inactive" };

  const update: Partial<typeof users.$inferInsert> = { lastLoginAt: new Date() };
  if (needsRehash) update.passwordHash = await hashPassword(password, env.PASSWORD_ITERATIONS);
  await db.update(users).set(update).where(eq(users.id, row.id));
  return { status: "ok", user: { id: row.id, name: row.name, email: row.email, isActive: row.isActive } };
}
