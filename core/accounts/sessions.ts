import "server-only";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { SESSION_MAX_AGE_SECONDS } from "./session-lifetime";
import { userSessions, users } from "@/infra/db/schema";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Records a new signed-in browser for `userId` and the user's login time, in one statement (a login's every query costs); the id goes into the session cookie. */
export async function startSession(db: Db, userId: string): Promise<string> {
  const now = new Date();
  const started = db.$with("started").as(
    db
      .insert(userSessions)
      .values({ userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })
      .returning({ id: userSessions.id }),
  );
  const [row] = await db
    .with(started)
    .update(users)
    .set({ lastLoginAt: now })
    .where(eq(users.id, userId))
    .returning({ id: sql<string>`(SELECT id FROM ${started})` });
  return row!.id;
}

/** The user behind a session that is still valid (not revoked or expired, account active), or null; the name and address as they are now. */
export async function findSessionUser(db: Db, sessionId: string, userId: string): Promise<{ name: string; email: string } | null> {
  if (!UUID_PATTERN.test(sessionId) || !UUID_PATTERN.test(userId)) return null;
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, new Date()),
        eq(users.isActive, true),
      ),
    );
  return row ?? null;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  if (!UUID_PATTERN.test(sessionId)) return;
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every session of a user, or every one but `keep` (the browser asking). */
export async function revokeUserSessions(db: Db, userId: string, keep?: string): Promise<void> {
  const conditions = [eq(userSessions.userId, userId), isNull(userSessions.revokedAt)];
  if (keep) conditions.push(ne(userSessions.id, keep));
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(...conditions));
}
