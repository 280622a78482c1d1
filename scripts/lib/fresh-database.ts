import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openPglite, openPostgres, type DatabaseHandle } from "@/infra/db/client";
import { runMigrations } from "@/infra/db/migrate";
import { seedCatalogue } from "@/scripts/seed/seed-catalogue";

export type BenchDatabase = {
  /** Environment for `next start`. */
  env: Record<string, string>;
  /** Opens the database from this process (only while the server is not running, for PGlite). */
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
};

/** The benchmark's own database, never the developer's (new on the PostgreSQL of `serverUrl`, or a new PGlite folder), migrated and seeded. */
export async function freshDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  let database: BenchDatabase;
  if (serverUrl) {
    const name = `pantry_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = {
      env: { DATABASE_URL: url.toString() },
      open: async () => openPostgres(url.toString(), { max: 4 }),
      drop: async () => {
        await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "pantry-bench-"));
    const dataDir = path.join(dir, "pglite");
    database = {
      env: { DATABASE_URL: "", ALLOW_EMBEDDED_DB: "true", PGLITE_DATA_DIR: dataDir },
      open: () => openPglite(dataDir),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const handle = await database.open();
  try {
    await runMigrations(handle);
    await seedCatalogue(handle.db);
  } finally {
    await handle.close();
  }
  return database;
}
