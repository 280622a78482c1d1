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

/** `email`: the address an email change moves to, or the one its undo restores; null for other purposes. */
export type LiveToken = { id: string; userId: string; registration: Registration; email: string | null; createdAt: Date };

/** What else a token carries, and whether it leaves the earlier unused tokens of its purpose working. */
export type TokenOptions = { email?: string; keepEarlier?: boolean };

const NO_REGISTRATION: Registration = { name: null, passwordHash: null };

/** Only the token's SHA-256 is stored. Earlier unused tokens of the purpose are retired, so only the newest mail works, unless `keepEarlier`. */
export async function issueToken(
  db: Db,
  userId: string,
  purpose: TokenPurpose,
  ttlMs: number,
  registration: Registration = NO_REGISTRATION,
  options: TokenOptions = {},
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.transaction(async (tx) => {
    if (!options.keepEarlier) await retireTokens(tx, userId, purpose, now);
    await tx.insert(oneTimeTokens).values({
      userId,
      purpose,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
      name: registration.name,
      passwordHash: registration.passwordHash,
      email: options.email ?? null,
    });
  });
  return token;
}

/** Makes every unused token of the purpose stop working (only those issued after `after`, if given). */
export async function retireTokens(db: Db, userId: string, purpose: TokenPurpose, now = new Date(), after?: Date): Promise<void> {
  const conditions = [eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)];
  if (after) conditions.push(gt(oneTimeTokens.createdAt, after));
  await db
    .update(oneTimeTokens)
    .set({ usedAt: now, name: null, passwordHash: null, email: null })
    .where(and(...conditions));
}

/** The user a token was issued to and what it carries, if it is unused and unexpired. Reads only. */
export async function peekToken(db: Db, token: string, purpose: TokenPurpose): Promise<LiveToken | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select(liveColumns)
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    );
  return row ? liveToken(row) : null;
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
    .returning(liveColumns);
  if (!row) return null;
  if (row.name !== null || row.passwordHash !== null || row.email !== null) {
    await db.update(oneTimeTokens).set({ name: null, passwordHash: null, email: null }).where(eq(oneTimeTokens.id, row.id));
  }
  return liveToken(row);
}

const liveColumns = {
  id: oneTimeTokens.id,
  userId: oneTimeTokens.userId,
  name: oneTimeTokens.name,
  passwordHash: oneTimeTokens.passwordHash,
  email: oneTimeTokens.email,
  createdAt: oneTimeTokens.createdAt,
};

function liveToken(row: {
  id: string;
  userId: string;
  name: string | null;
  passwordHash: string | null;
  email: string | null;
  createdAt: Date;
}): LiveToken {
  return {
    id: row.id,
    userId: row.userId,
    registration: { name: row.name, passwordHash: row.passwordHash },
    email: row.email,
    createdAt: row.createdAt,
  };
}
