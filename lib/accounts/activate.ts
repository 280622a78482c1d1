import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { consumeToken, peekToken } from "@/lib/auth/tokens";
import { findUserById, type PublicUser } from "./users";

/** Whether an activation link is still good, without using it up (the page a mail link opens). */
export async function checkActivationToken(token: string): Promise<PublicUser | null> {
  const db = await getDb();
  const userId = await peekToken(db, token, "activation");
  return userId ? findUserById(db, userId) : null;
}

/** Uses the token once and activates its user; null for an unknown, used, expired or malformed token. */
export async function activateAccount(token: string): Promise<PublicUser | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "activation");
    if (!userId) return null;
    await tx
      .update(users)
      .set({ isActive: true, activatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.isActive, false)));
    return findUserById(tx, userId);
  });
}
