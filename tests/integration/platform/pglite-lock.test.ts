import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openPglite } from "@/infra/db/client";
import { runMigrations } from "@/infra/db/migrate";
import { users } from "@/infra/db/schema";

// The lock guards a folder on disk, which only the embedded driver has (pglite project only).
describe("embedded data folder lock", () => {
  it("stops a second process with a clear message and keeps the data intact", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "pantry-lock-")), "pglite");
    const first = await openPglite(dataDir);
    await runMigrations(first);
    await first.db.insert(users).values({ email: "kept@x.com", name: "Kept", passwordHash: "x" });

    const child = spawn(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
      env: { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" },
      cwd: process.cwd(),
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));

    expect(code).not.toBe(0);
    expect(stderr).toContain("is in use by another process");
    expect(stderr).toContain(`pid ${process.pid}`);
    const rows = await first.db.select().from(users);
    expect(rows.map((row) => row.email)).toEqual(["kept@x.com"]);
    await first.close();

    // Once the first process has let go, the folder opens again with its data.
    const reopened = await openPglite(dataDir);
    expect((await reopened.db.select().from(users)).map((row) => row.email)).toEqual(["kept@x.com"]);
    await reopened.close();
  });
});
