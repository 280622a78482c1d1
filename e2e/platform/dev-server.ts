import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A `next dev` server of the working tree, for the one page a production build does not have:
 * the development outbox. Its own empty embedded database, no Resend key (so mail goes to the
 * outbox). `next dev` writes to .next/dev, beside the production build the suite runs against.
 */
export async function startDevServer(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "pantry-e2e-dev-"));
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: url,
    PGLITE_DATA_DIR: path.join(dir, "pglite"),
    SEED_CATALOGUE: "false",
  };
  for (const name of ["NODE_ENV", "DATABASE_URL", "RESEND_API_KEY", "RESEND_BASE_URL", "MAIL_FROM", "AUTH_SECRET"]) delete env[name];
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "-p", String(port)],
    { env, stdio: "ignore" },
  );
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(10_000)]);
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  for (let waited = 0; waited < 180_000; waited += 1000) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/dev/outbox`)).ok) return { url, stop };
    } catch {
      // still starting
    }
    await sleep(1000);
  }
  await stop();
  throw new Error(`next dev on :${port} did not serve /dev/outbox`);
}
