import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireDataDirLock } from "./data-dir-lock";
import * as schema from "./schema";

/** Both drivers share this type, so every query is written once. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The rows of `db.execute()`: postgres.js answers with an array, PGlite with an object holding them. */
export function rows<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type DatabaseHandle = {
  db: Db;
  driver: "pglite" | "postgres";
  /** Raw parameterised SQL, for libraries that bring their own queries (the rate limiter). */
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number }>;
  /** `select 1` for the health check; on PostgreSQL on a connection of its own, so a busy pool never reads as down. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type SslMode = "disable" | "prefer" | "require" | "verify-full";

export type PostgresOptions = { max?: number; ssl?: SslMode; idleTimeoutSeconds?: number };

// `pgbouncer=true` (Prisma's, Supabase's and Neon's convention) names a transaction-mode pooler, which keeps no named prepared
// statement across transactions before PgBouncer 1.21; the parameter is taken off, or postgres.js would send it as a setting.
export function poolerAware(url: string): { url: string; prepare: boolean } {
  const parsed = new URL(url);
  const pooled = parsed.searchParams.get("pgbouncer") === "true";
  parsed.searchParams.delete("pgbouncer");
  return { url: parsed.toString(), prepare: !pooled };
}

/**
 * Seconds before the next connection attempt after `retries` failed ones. A query waits for it while the
 * database is away, so the driver's default (growing to 20 s) would hold each page that long before its
 * 503 and keep pages down that long after the database is back; one attempt a second per connection
 * at most is a light load on a recovering server.
 */
export function reconnectDelaySeconds(retries: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, 1);
}

/** `ssl` applies only when the URL says no sslmode/ssl itself; "require" skips the certificate check, as Heroku Postgres needs. */
export function openPostgres(configuredUrl: string, options: PostgresOptions = {}): DatabaseHandle {
  const { url, prepare } = poolerAware(configuredUrl);
  const params = new URL(url).searchParams;
  const ssl = options.ssl && !params.has("sslmode") && !params.has("ssl") ? { ssl: options.ssl === "disable" ? false : options.ssl } : {};
  const client = postgres(url, {
    ...ssl,
    prepare,
    max: options.max ?? 10,
    connect_timeout: 5,
    idle_timeout: options.idleTimeoutSeconds ?? 30,
    backoff: reconnectDelaySeconds,
    onnotice: () => {},
  });
  let healthClient: postgres.Sql | undefined;
  return {
    db: drizzlePostgres({ client, schema }) as unknown as Db,
    driver: "postgres",
    query: async (text, values = []) => {
      const result = await client.unsafe(text, values as never[]);
      return { rows: [...result], rowCount: result.count ?? result.length };
    },
    ping: async () => {
      healthClient ??= postgres(url, {
        ...ssl,
        prepare,
        max: 1,
        connect_timeout: 5,
        idle_timeout: 60,
        backoff: reconnectDelaySeconds,
        onnotice: () => {},
      });
      await healthClient`select 1`;
    },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), healthClient?.end({ timeout: 5 })]);
    },
  };
}

/** `dataDir` is a folder, or `memory://` for a throwaway in-memory database (tests). */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : acquireDataDirLock(dataDir);
  try {
    if (!inMemory) mkdirSync(dataDir, { recursive: true });
    const client = new PGlite(inMemory ? undefined : dataDir);
    await client.waitReady;
    return {
      db: drizzlePglite({ client, schema }) as unknown as Db,
      driver: "pglite",
      query: async (text, values = []) => {
        const result = await client.query<Record<string, unknown>>(text, values);
        // PGlite reports affectedRows 0 for a SELECT: count what came back, else what changed.
        return { rows: result.rows, rowCount: result.rows.length || (result.affectedRows ?? 0) };
      },
      // One process, one connection: the embedded database is as reachable as the server itself.
      ping: async () => {
        await client.query("select 1");
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
