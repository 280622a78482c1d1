import { spawn } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import type { Cluster } from "../support/pg-cluster";
import { PARITY } from "../support/ports";

/**
 * The stack's database on its own cluster: reached directly (migrations, the load run's checks)
 * and through PgBouncer (the instances).
 */
const DATABASE = "pantry";
const root = path.resolve(import.meta.dirname, "..", "..");

export const directDatabaseUrl = `postgres://postgres@127.0.0.1:${PARITY.databasePort}/${DATABASE}`;
export const pooledDatabaseUrl = `postgres://postgres@127.0.0.1:${PARITY.poolerPort}/${DATABASE}?pgbouncer=true`;

export async function createDatabase(cluster: Cluster): Promise<void> {
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${output}`)),
    );
  });
}

/**
 * Two release phases at once, over the direct URL: one correct schema. Throws unless every
 * migration of the journal is applied exactly once.
 */
export async function migrateTwiceAtOnce(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<{ journalEntries: number; applied: number }> {
  const migrate = () => run(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], env);
  await Promise.all([migrate(), migrate()]);
  const check = postgres(directDatabaseUrl, { max: 1, onnotice: () => {} });
  const [row] = await check<{ applied: number; distinct: number }[]>`
    select count(*)::int as applied, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`;
  const { applied, distinct } = row!;
  await check.end();
  const journal = (await import("@/infra/db/migrations/meta/_journal.json", { with: { type: "json" } })).default as { entries: unknown[] };
  if (applied !== journal.entries.length || distinct !== applied)
    throw new Error(`migrations: ${applied} rows (${distinct} distinct) for ${journal.entries.length} journal entries`);
  log(`two concurrent migrations: ${applied} applied once each (${journal.entries.length} in the journal)`);
  return { journalEntries: journal.entries.length, applied };
}

export async function seed(env: NodeJS.ProcessEnv): Promise<void> {
  await run(process.execPath, ["--import", "tsx", "scripts/db-seed.ts"], env);
}
