import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { oneTimeTokens } from "@/db/schema";

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
 * Makes a token for `userId`; only its SHA-256 is stored. Earlier unused tokens of the same purpose
 * are retired, so the newest mail is the only one that works.
 */
export async function issueToken(db: Database, userId: string, purpose: TokenPurpose, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
    await tx.insert(oneTimeTokens).values({
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + ttlMs),
    });
  });
  return token;
}

/** The user id a token was issued to, if it is unused and unexpired. Reads only. */
export async function peekToken(db: Database, token: string, purpose: TokenPurpose): Promise<string | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ userId: oneTimeTokens.userId })
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    );
  return row?.userId ?? null;
}

/**
 * Marks the token used and returns its user id, in one statement: of two concurrent uses of the
 * same token exactly one succeeds. Unknown, used, expired or malformed tokens return null.
 */
export async function consumeToken(db: Database, token: string, purpose: TokenPurpose): Promise<string | null> {
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
    .returning({ userId: oneTimeTokens.userId });
  return row?.userId ?? null;
}
