import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll } from "vitest";

/**
 * Gives each test file a database of its own before any app module reads the environment:
 * an in-memory PGlite, or a new PostgreSQL database that is dropped when the file is done.
 */
const driver = process.env.PANTRY_TEST_DRIVER;

process.env.PASSWORD_ITERATIONS = "20000";
delete process.env.RESEND_API_KEY;
delete process.env.RESEND_BASE_URL;
process.env.SEED_CATALOGUE = "false";

if (driver === "postgres") {
  const serverUrl = process.env.PANTRY_TEST_POSTGRES_URL!;
  const name = `pantry_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();

  afterAll(async () => {
    const { closeDatabase } = await import("@/infra/db");
    await closeDatabase();
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
  afterAll(async () => {
    const { closeDatabase } = await import("@/infra/db");
    await closeDatabase();
  });
}
