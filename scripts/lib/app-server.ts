import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { BUILD_DIR, nextBin } from "./app-build";

export type RunningServer = { url: string; /** The `next start` process. */ pid: number; stop(): Promise<void> };

/**
 * `next start` of the benchmark build as a production site on loopback. Mail goes to a closed port;
 * RATE_LIMIT_DISABLED, as the login benchmark's flood is the point, not an attack.
 */
export async function startServer(port: number, env: Record<string, string>, cwd = BUILD_DIR): Promise<RunningServer> {
  // Else whatever already listens there answers the readiness check, and every figure is its own.
  await assertPortFree(port);
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: url,
      FORCE_HTTPS: "false",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
      RESEND_API_KEY: "re_bench_no_mail",
      RESEND_BASE_URL: "http://127.0.0.1:9",
      MAIL_FROM: "Pantry <bench@pantry.test>",
      RATE_LIMIT_DISABLED: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      // /login renders through the layout, the session check and the database: ready means all of it.
      if ((await fetch(`${url}/login`)).ok) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`next start on :${port} did not answer within 120 s:\n${output}`);
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} is already in use: stop what listens there, or pick another with --port=`)
          : error,
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
