import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies the migrations not yet recorded in drizzle.__drizzle_migrations; a no-op when up to date. */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  // The two migrators take their own driver's database type; the SQL files are the same.
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as never, { migrationsFolder });
  }
}
