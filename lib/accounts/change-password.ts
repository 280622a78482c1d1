import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { env } from "@/lib/env";

/**
 * Changes a signed-in user's password after checking the current one. Every other session of
 * the user ends; the one making the change (`keepSessionId`) stays signed in.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, keepSessionId: string | undefined): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!row) return false;
  const { ok } = await verifyPassword(row.passwordHash, currentPassword, env.PASSWORD_ITERATIONS);
  if (!ok) return false;
  await db.update(users).set({ passwordHash: await hashPassword(newPassword, env.PASSWORD_ITERATIONS) }).where(eq(users.id, userId));
  await revokeUserSessions(userId, keepSessionId);
  return true;
}
