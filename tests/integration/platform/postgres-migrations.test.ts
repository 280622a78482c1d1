import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/infra/db/client";
import { runPostgresMigrations } from "@/infra/db/migrate";

// PostgreSQL only (the postgres project): what a release phase on two dynos at once does.
const admin = postgres(process.env.PANTRY_TEST_POSTGRES_URL!, { max: 1, onnotice: () => {} });
const name = `pantry_migrate_${Date.now()}_${randomBytes(3).toString("hex")}`;
const url = Object.assign(new URL(process.env.PANTRY_TEST_POSTGRES_URL!), { pathname: `/${name}` }).toString();
const journal = JSON.parse(readFileSync("infra/db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };

afterAll(async () => {
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe("migrations started at once", () => {
  it("apply each migration once and leave one schema, whichever starts first", async () => {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    await Promise.all([runPostgresMigrations(url), runPostgresMigrations(url), runPostgresMigrations(url)]);
    const handle = openPostgres(`${url}?pgbouncer=true`);
    try {
      const { rows } = await handle.query("SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations");
      expect(rows[0]!.applied).toBe(journal.entries.length);
      // The schema is whole: the newest tables and columns are there (through a URL that names a pooler).
      const { rows: columns } = await handle.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'one_time_tokens' AND column_name = 'password_hash'",
      );
      expect(columns).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });
});
