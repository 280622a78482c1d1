import { env } from "@/infra/env";
import { type Db, type DatabaseHandle, openPglite, openPostgres } from "./client";
export { rows } from "./client";
import { runMigrations, runPostgresMigrations } from "./migrate";

export type { Db, DatabaseHandle };

/** `DATABASE_URL` set → PostgreSQL through postgres.js; unset → the embedded PGlite in PGLITE_DATA_DIR. */
export function openConfiguredDatabase(): Promise<DatabaseHandle> {
  return env.DATABASE_URL ? Promise.resolve(openPostgres(env.DATABASE_URL, postgresOptions())) : openPglite(env.PGLITE_DATA_DIR);
}

const postgresOptions = () => ({ ssl: env.PGSSLMODE, max: env.DATABASE_POOL_MAX, idleTimeoutSeconds: env.DATABASE_IDLE_TIMEOUT_SECONDS });

/** PostgreSQL migrates over DATABASE_URL_DIRECT when set (a pooler cannot hold the migration lock). */
function migrate(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "pglite") return runMigrations(handle);
  return runPostgresMigrations(env.DATABASE_URL_DIRECT ?? env.DATABASE_URL!, postgresOptions());
}

// On globalThis, so a module reloaded by the dev server reuses the open database (PGlite opens once per process).
const store = globalThis as typeof globalThis & { __pantryDatabase?: Promise<DatabaseHandle> };

/** The process's database, opened and migrated on first use. A failed open is retried on the next call. */
export function database(): Promise<DatabaseHandle> {
  if (!store.__pantryDatabase) {
    const opening = openConfiguredDatabase().then(async (handle) => {
      try {
        await migrate(handle);
      } catch (error) {
        await handle.close().catch(() => {});
        throw error;
      }
      return handle;
    });
    store.__pantryDatabase = opening;
    opening.catch(() => {
      if (store.__pantryDatabase === opening) store.__pantryDatabase = undefined;
    });
  }
  return store.__pantryDatabase;
}

export async function getDb(): Promise<Db> {
  return (await database()).db;
}

/** Closes the process's database (scripts and tests; the server keeps it for its lifetime). */
export async function closeDatabase(): Promise<void> {
  const opening = store.__pantryDatabase;
  store.__pantryDatabase = undefined;
  if (opening) await (await opening).close();
}
