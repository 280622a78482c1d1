import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { database, type DatabaseHandle } from "./db";
import { env } from "./env";
import { errorFields, log } from "./log";

// Limits on automated guessing (OWASP ASVS 6.1.1 / 6.3.1), in rate-limiter-flexible's PostgreSQL
// store, so every app instance sharing the database shares the counters.

/** Who is asking, for the request ceilings: an address the platform vouches for, or nobody known. */
export type Client = { address: string } | { address: null };

export type RequestKind = "login" | "register" | "resend-activation" | "password-reset" | "email-change";

export type MailKind =
  "activation" | "account-exists" | "password-reset" | "email-change" | "email-taken" | "email-changed" | "account-deleted";

export const MAIL_PER_RECIPIENT_PER_HOUR = 3;

const REQUEST_WINDOW_SECONDS = 10 * 60;
const FAILURE_WINDOW_SECONDS = 15 * 60;
const FREE_FAILURES = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 15 * 60;

type Limiters = {
  perIp: RateLimiterPostgres;
  siteWide: RateLimiterPostgres;
  failures: RateLimiterPostgres;
  locks: RateLimiterPostgres;
  recipeWrites: RateLimiterPostgres;
  mail: RateLimiterPostgres;
};

const store = globalThis as typeof globalThis & { __pantryLimiters?: { handle: DatabaseHandle; limiters: Limiters } };

function storeClient(handle: DatabaseHandle) {
  return {
    // The library reads bigint expiry times with arithmetic: hand it numbers, whatever the driver.
    async query({ text, values }: { text: string; values?: unknown[] }) {
      const { rows, rowCount } = await handle.query(text, values);
      return {
        rowCount,
        rows: rows.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([key, value]) => [
              key,
              typeof value === "bigint" || (key === "expire" && value !== null) ? Number(value) : value,
            ]),
          ),
        ),
      };
    },
  };
}

/** How often one process deletes the counters whose window has passed (the library never does). */
const PURGE_EVERY_MS = 10 * 60 * 1000;
let lastPurge = Number.NEGATIVE_INFINITY;

export async function purgeExpiredLimits(handle?: DatabaseHandle): Promise<number> {
  const { rowCount } = await (handle ?? (await database())).query("DELETE FROM rate_limits WHERE expire IS NOT NULL AND expire < $1", [
    Date.now(),
  ]);
  return rowCount;
}

/** At most once per PURGE_EVERY_MS, in the background of a request that counts something. */
function purgeNowAndThen(handle: DatabaseHandle): void {
  if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = Date.now();
  purgeExpiredLimits(handle).catch((error: unknown) => log.warn("rate_limits.purge_failed", errorFields(error)));
}

async function limiters(): Promise<Limiters> {
  const handle = await database();
  purgeNowAndThen(handle);
  if (store.__pantryLimiters?.handle === handle) return store.__pantryLimiters.limiters;
  const common = {
    storeClient: storeClient(handle),
    storeType: "client",
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: false,
  };
  const created: Limiters = {
    perIp: new RateLimiterPostgres({ ...common, keyPrefix: "ip", points: env.RATE_LIMIT_PER_IP, duration: REQUEST_WINDOW_SECONDS }),
    siteWide: new RateLimiterPostgres({ ...common, keyPrefix: "site", points: env.RATE_LIMIT_SITE_WIDE, duration: REQUEST_WINDOW_SECONDS }),
    failures: new RateLimiterPostgres({ ...common, keyPrefix: "login-failures", points: 1_000_000, duration: FAILURE_WINDOW_SECONDS }),
    locks: new RateLimiterPostgres({ ...common, keyPrefix: "login-lock", points: 1, duration: MAX_LOCK_SECONDS }),
    recipeWrites: new RateLimiterPostgres({ ...common, keyPrefix: "recipe-writes", points: env.RECIPE_WRITES_PER_HOUR, duration: 60 * 60 }),
    mail: new RateLimiterPostgres({ ...common, keyPrefix: "mail", points: MAIL_PER_RECIPIENT_PER_HOUR, duration: 60 * 60 }),
  };
  store.__pantryLimiters = { handle, limiters: created };
  return created;
}

/** Counters are keyed by a hash of the address, so the table holds no e-mail addresses. */
function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
}

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// One request of `kind`, on the client's own budget; its address unknown, on the named account's and a site-wide one
// (docs/decisions/0003-one-login-path-and-what-a-hostile-client-can-spend.md).
export async function consumeRequest(kind: RequestKind, client: Client, account?: string): Promise<LimitResult> {
  if (env.RATE_LIMIT_DISABLED) return { allowed: true };
  const { perIp, siteWide } = await limiters();
  const charges = client.address
    ? [() => perIp.consume(`${kind}:ip:${client.address}`)]
    : [() => siteWide.consume(kind), ...(account ? [() => perIp.consume(`${kind}:account:${accountKey(account)}`)] : [])];
  const results = await Promise.all(charges.map(refusalOf));
  const waits = results.flatMap((result) => (result.allowed ? [] : [result.retryAfterSeconds]));
  return waits.length === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(...waits) };
}

/** Counts one new or edited recipe of an account: a signed-in script cannot flood the site with them. */
export async function consumeRecipeWrite(userId: string): Promise<LimitResult> {
  if (env.RATE_LIMIT_DISABLED) return { allowed: true };
  return refusalOf(() => limiters().then(({ recipeWrites }) => recipeWrites.consume(userId)));
}

async function refusalOf(consume: () => Promise<unknown>): Promise<LimitResult> {
  try {
    await consume();
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) };
    throw rejection;
  }
}

/** Whether logins to this account are paused after repeated failures, and for how long. */
export async function loginLock(email: string): Promise<LimitResult> {
  if (env.RATE_LIMIT_DISABLED) return { allowed: true };
  const state = await (await limiters()).locks.get(accountKey(email));
  if (state && state.consumedPoints > 1 && state.msBeforeNext > 0)
    return { allowed: false, retryAfterSeconds: Math.ceil(state.msBeforeNext / 1000) };
  return { allowed: true };
}

/** From the fifth failure in 15 minutes logins pause, 1 minute doubling per further failure up to 15: no guessing, and no lock-out for good. */
export async function recordLoginFailure(email: string): Promise<void> {
  if (env.RATE_LIMIT_DISABLED) return;
  const { failures, locks } = await limiters();
  const key = accountKey(email);
  const { consumedPoints } = await failures.penalty(key, 1);
  if (consumedPoints >= FREE_FAILURES) {
    const seconds = Math.min(FIRST_LOCK_SECONDS * 2 ** (consumedPoints - FREE_FAILURES), MAX_LOCK_SECONDS);
    await locks.block(key, seconds);
  }
}

/** A successful login or a password reset starts the account afresh. */
export async function clearLoginFailures(email: string): Promise<void> {
  if (env.RATE_LIMIT_DISABLED) return;
  const { failures, locks } = await limiters();
  const key = accountKey(email);
  await Promise.all([failures.delete(key), locks.delete(key)]);
}

/** False once the recipient has had three mails of `kind` within the hour: anyone can make the site mail any address. */
export async function consumeMailQuota(kind: MailKind, email: string): Promise<boolean> {
  if (env.RATE_LIMIT_DISABLED) return true;
  return (await refusalOf(async () => (await limiters()).mail.consume(`${kind}:${accountKey(email)}`))).allowed;
}
