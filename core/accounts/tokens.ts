import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { oneTimeTokens } from "@/infra/db/schema";

export type TokenPurpose = (typeof oneTimeTokens.$inferInsert)["purpose"];

/** 32 random bytes, base64url: 43 characters. Anything else cannot be one of ours. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * What an activation token carries: the name and password hash of the registration it confirms,
 * so the credentials a link activates always belong to the registration that mailed it. A field
 * is null when the token leaves the account's current value as it is.
 */
export type Registration = { name: string | null; passwordHash: string | null };

export type LiveToken = { userId: string; registration: Registration };

/**
 * Makes a token for `userId`; only its SHA-256 is stored. Earlier unused tokens of the same purpose
 * are retired (and forget the registration they carried), so the newest mail is the only one
 * that works.
 */
export async function issueToken(
  db: Db,
  userId: string,
  purpose: TokenPurpose,
  ttlMs: number,
  registration: Registration = { name: null, passwordHash: null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now, name: null, passwordHash: null })
      .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
    await tx.insert(oneTimeTokens).values({
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + ttlMs),
      name: registration.name,
      passwordHash: registration.passwordHash,
    });
  });
  return token;
}

/** The user a token was issued to and what it carries, if it is unused and unexpired. Reads only. */
export async function peekToken(db: Db, token: string, purpose: TokenPurpose): Promise<LiveToken | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ userId: oneTimeTokens.userId, name: oneTimeTokens.name, passwordHash: oneTimeTokens.passwordHash })
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    );
  return row ? { userId: row.userId, registration: { name: row.name, passwordHash: row.passwordHash } } : null;
}

/**
 * Marks the token used and returns its user and what it carries. The first statement decides:
 * of two concurrent uses of the same token exactly one succeeds. The used row then forgets the
 * password hash it carried. Unknown, used, expired or malformed tokens return null. Call it inside
 * the transaction that acts on the result.
 */
export async function consumeToken(db: Db, token: string, purpose: TokenPurpose): Promise<LiveToken | null> {
  if (!looksLikeToken(token)) return null;
  const now = new Date();
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    )
    .returning({ id: oneTimeTokens.id, userId: oneTimeTokens.userId, name: oneTimeTokens.name, passwordHash: oneTimeTokens.passwordHash });
  if (!row) return null;
  if (row.name !== null || row.passwordHash !== null) {
    await db.update(oneTimeTokens).set({ name: null, passwordHash: null }).where(eq(oneTimeTokens.id, row.id));
  }
  return { userId: row.userId, registration: { name: row.name, passwordHash: row.passwordHash } };
}
