import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * `next start` of the production build on `port`, as `npm start` runs it: NODE_ENV=production and
 * NEXT_MANUAL_SIG_HANDLE=true, so SIGTERM drains, closes the database and exits 0
 * (infra/server/graceful-shutdown.ts). `env` is the rest of its environment: the caller decides
 * whether the test runner's own is passed on.
 *
 * With `onLine`, every non-empty line the server prints goes there, whole (a chunk can end in the
 * middle of a line); without it, the server prints to the caller's own output.
 */
export function spawnNextStart(port: number, env: NodeJS.ProcessEnv, onLine?: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "true" },
    stdio: onLine ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  if (onLine) {
    for (const stream of [child.stdout!, child.stderr!]) {
      let partial = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop()!;
        for (const line of lines) if (line) onLine(line);
      });
      stream.on("end", () => {
        if (partial) onLine(partial);
      });
    }
  }
  return child;
}
