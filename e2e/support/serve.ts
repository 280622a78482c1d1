import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startFakeResend } from "./fake-resend";
import { spawnNextStart } from "./next-start";
import { E2E } from "./ports";

/**
 * Playwright's web server: a fresh database, the fake Resend API, and two `next start` servers
 * of the production build — the site as a person uses it locally over http, and the same build
 * configured as served over https (to test the redirect of plain-http requests).
 * E2E_DATABASE_URL (a PostgreSQL server) selects PostgreSQL; otherwise each server has a new PGlite.
 */
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

async function freshDatabaseUrl(serverUrl: string): Promise<string> {
  const name = `pantry_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  cleanups.push(async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function startNext(port: number, env: Record<string, string>) {
  const child = spawnNextStart(port, { ...process.env, ...env });
  child.on("exit", (code) => {
    if (code !== 0 && code !== null) {
      console.error(`next start on :${port} exited with ${code}`);
      void shutdown(1);
    }
  });
  children.push(child);
}

async function shutdown(code = 0) {
  for (const child of children) child.kill("SIGTERM");
  for (const cleanup of cleanups.reverse()) await cleanup();
  process.exit(code);
}

async function main() {
  await startFakeResend(E2E.resendPort);
  const common = {
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
    RESEND_API_KEY: "re_e2e_fake_key",
    RESEND_BASE_URL: `http://127.0.0.1:${E2E.resendPort}`,
    MAIL_FROM: "Pantry <hello@pantry.test>",
    // The whole suite comes from one address and saves many recipes as one account; the
    // ceilings have their own tests.
    RATE_LIMIT_PER_IP: "100000",
    RECIPE_WRITES_PER_HOUR: "100000",
    MAIL_SEND_TIMEOUT_MS: "2000",
    // Served directly, with no proxy in front to name the client.
    TRUSTED_PROXY: "none",
  };
  const serverUrl = process.env.E2E_DATABASE_URL;
  const database = async (): Promise<Record<string, string>> => {
    if (serverUrl) {
      const url = await freshDatabaseUrl(serverUrl);
      // PostgreSQL is not seeded by itself at start (only a new embedded database is).
      execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts"], {
        env: { ...process.env, DATABASE_URL: url },
        stdio: "inherit",
      });
      return { DATABASE_URL: url };
    }
    const dir = mkdtempSync(path.join(tmpdir(), "pantry-e2e-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { DATABASE_URL: "", ALLOW_EMBEDDED_DB: "true", PGLITE_DATA_DIR: path.join(dir, "pglite") };
  };

  startNext(E2E.appPort, { ...common, ...(await database()), APP_URL: E2E.appUrl, FORCE_HTTPS: "false" });
  startNext(E2E.httpsPort, { ...common, ...(await database()), APP_URL: "https://pantry-demo.herokuapp.com", SEED_CATALOGUE: "false" });
}

process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
main().catch((error: unknown) => {
  console.error(error);
  void shutdown(1);
});
