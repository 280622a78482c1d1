import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { log } from "@/infra/log";
import { openPostgres, poolerAware, type DatabaseHandle, type PostgresOptions } from "./client";

export const migrationsFolder = path.join(process.cwd(), "infra", "db", "migrations");

/** Applies the migrations not yet recorded in drizzle.__drizzle_migrations; a no-op when up to date. */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  // The two migrators take their own driver's database type; the SQL files are the same.
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as never, { migrationsFolder });
  }
}

/** Any fixed number: every Pantry instance migrating one database takes the same lock. */
const MIGRATION_LOCK = 727_001;

/** Under a session advisory lock on a connection of its own, so instances starting at once apply each migration once; `url` must not be a transaction-mode pooler. */
export async function runPostgresMigrations(url: string, options: PostgresOptions = {}): Promise<void> {
  const handle = openPostgres(url, { ...options, max: 1 });
  // Through a pooler the lock could be taken on one server connection and never released.
  if (!poolerAware(url).prepare) {
    log.warn("migrations.unlocked", { reason: "DATABASE_URL names a pooler and DATABASE_URL_DIRECT is not set" });
    return runMigrations(handle).finally(() => handle.close());
  }
  try {
    await handle.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await runMigrations(handle);
    } finally {
      await handle.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    await handle.close();
  }
}
