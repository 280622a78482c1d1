import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { consumeToken, peekToken } from "@/lib/auth/tokens";
import { findUserById, type PublicUser } from "./users";

/**
 * Whether an activation link is still good, without using it up (the page a mail link opens).
 * The name is the one the link's registration carries: the one the account gets when it is used.
 */
export async function checkActivationToken(token: string): Promise<PublicUser | null> {
  const db = await getDb();
  const live = await peekToken(db, token, "activation");
  if (!live) return null;
  const user = await findUserById(db, live.userId);
  return user && !user.isActive && live.registration.name !== null ? { ...user, name: live.registration.name } : user;
}

/**
 * Uses the token once and activates its user with the name and password of the registration the
 * token carries; null for an unknown, used, expired or malformed token. An account that is
 * already active keeps its credentials.
 */
export async function activateAccount(token: string): Promise<PublicUser | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const used = await consumeToken(tx, token, "activation");
    if (!used) return null;
    const { name, passwordHash } = used.registration;
    await tx
      .update(users)
      .set({ isActive: true, activatedAt: new Date(), ...(name !== null && { name }), ...(passwordHash !== null && { passwordHash }) })
      .where(and(eq(users.id, used.userId), eq(users.isActive, false)));
    return findUserById(tx, used.userId);
  });
}
