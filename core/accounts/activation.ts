import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { oneTimeTokens, users } from "@/infra/db/schema";
import { verifyPassword } from "@/core/passwords/hash";
import { consumeToken, hashToken, looksLikeToken, peekToken } from "./tokens";
import { env } from "@/infra/env";
import { findUserById, type PublicUser } from "./users";

/** Whether an activation link is still good, without using it; the name is the one its registration carries. */
export async function checkActivationToken(db: Db, token: string): Promise<PublicUser | null> {
  const live = await peekToken(db, token, "activation");
  if (!live) return null;
  const user = await findUserById(db, live.userId);
  return user && !user.isActive && live.registration.name !== null ? { ...user, name: live.registration.name } : user;
}

/**
 * Whether a link that no longer works is one of this account's activation links, used or replaced,
 * and the account is confirmed. Only the holder of a mail sent to the address has such a link, so
 * saying "already confirmed" tells them nothing they could not learn from their inbox; any other
 * link, and any link of an account still waiting, gets the same "does not work" as a made-up one.
 */
export async function isConfirmedActivationLink(db: Db, token: string): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const [row] = await db
    .select({ id: oneTimeTokens.id })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        eq(oneTimeTokens.purpose, "activation"),
        isNotNull(oneTimeTokens.usedAt),
        eq(users.isActive, true),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export type Activation = { status: "activated"; user: PublicUser } | { status: "wrong-password" } | { status: "invalid" };

/**
 * Activates with the name and password the token's registration carries, only for whoever knows
 * that password, so an earlier registrant of an address cannot have its owner confirm his password.
 * The token is used up only by the right password; an active account keeps its credentials.
 */
export async function activateAccount(db: Db, token: string, password: string): Promise<Activation> {
  const live = await peekToken(db, token, "activation");
  const stored = live && (live.registration.passwordHash ?? (await findCredentialsById(db, live.userId)));
  // The same cost whether or not the link is good (verifyPassword pads a missing hash).
  const { ok } = await verifyPassword(stored ?? "", password, env.PASSWORD_ITERATIONS);
  if (!live) return { status: "invalid" };
  if (!ok) return { status: "wrong-password" };
  const user = await db.transaction(async (tx) => {
    const used = await consumeToken(tx, token, "activation");
    if (!used || used.registration.passwordHash !== live.registration.passwordHash) return null;
    const { name, passwordHash } = used.registration;
    await tx
      .update(users)
      .set({ isActive: true, activatedAt: new Date(), ...(name !== null && { name }), ...(passwordHash !== null && { passwordHash }) })
      .where(and(eq(users.id, used.userId), eq(users.isActive, false)));
    return findUserById(tx, used.userId);
  });
  return user ? { status: "activated", user } : { status: "invalid" };
}

async function findCredentialsById(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}
