import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/infra/db";
import { openPglite } from "@/infra/db/client";
import { users } from "@/infra/db/schema";

/**
 * `npm run import:flask -- <file>` as an operator runs it: a separate Node process on the
 * configured database (this file's PostgreSQL database, or an embedded one in a folder of its own).
 */
const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), "pantry-import-cli-"));
const pgliteDir = path.join(work, "pglite");
const onPostgres = Boolean(process.env.DATABASE_URL);
const fixture = path.resolve("tests/fixtures/flask-export.json");

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function importFile(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", ...(onPostgres ? {} : { PGLITE_DATA_DIR: pgliteDir }) };
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/import-flask.ts", file], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Users in the database the CLI wrote to (null: the embedded database was never even created). */
async function userCount(): Promise<number | null> {
  if (onPostgres) {
    const [row] = await (await getDb()).select({ n: sql<number>`count(*)::int` }).from(users);
    return row!.n;
  }
  if (!existsSync(pgliteDir)) return null;
  try {
    const handle = await openPglite(pgliteDir);
    try {
      const { rows } = await handle.query("select count(*)::int as n from users");
      return rows[0]!.n as number;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

describe("npm run import:flask", () => {
  it("exits non-zero with a clear message on a file that is not JSON, importing nothing", async () => {
    const file = path.join(work, "broken.json");
    writeFileSync(file, '{"users": [');
    const result = await importFile(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not valid JSON .*Nothing was imported\./);
  }, 60_000);

  it("exits non-zero naming the bad field of a malformed export, importing nothing", async () => {
    const data = JSON.parse(readFileSync(fixture, "utf8")) as { users: Record<string, unknown>[] };
    data.users[2]!.login = 12;
    const file = path.join(work, "malformed.json");
    writeFileSync(file, JSON.stringify(data));
    const result = await importFile(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("nothing was imported");
    expect(result.stderr).toMatch(/users\[2\]\.login: /);
    expect([null, 0]).toContain(await userCount());
  }, 60_000);

  it("prints a summary, and a second run changes nothing", async () => {
    const first = await importFile(fixture);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Users created: 3, skipped: 1");
    expect(first.stdout).toContain("Recipes created: 3, skipped: 0");
    expect(first.stdout).toMatch(/skipped user users\[3\] \(id 4\) b\*\*\*@example\.com: same address as users\[0\]/);

    const second = await importFile(fixture);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Users created: 0, skipped: 4");
    expect(second.stdout).toContain("Recipes created: 0, skipped: 3");
    expect(await userCount()).toBe(3);
  }, 180_000);
});
