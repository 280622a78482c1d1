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

/** What an activation link carries: only the registration that mailed it is activated. A null field leaves the account's value. */
export type Registration = { name: string | null; passwordHash: string | null };

export type LiveToken = { userId: string; registration: Registration };

/** Only the token's SHA-256 is stored. Earlier unused tokens of the purpose are retired, so only the newest mail works. */
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

/** Marks the token used and returns what it carries, or null; of two concurrent uses one wins, and the row forgets the hash. Call it in the transaction that acts on it. */
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
