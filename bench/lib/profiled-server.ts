import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer, type RunningServer } from "../../scripts/lib/app-server";
import type { Profile } from "./flamegraph";

/**
 * Runs `work` against `next start` of the benchmark build under `--cpu-prof` (a server of its own, never the measured
 * one: the profiler costs CPU too) and returns its result with the server's CPU profile, written as the process exits.
 * `keepAt` also copies the .cpuprofile there (Chrome's DevTools and speedscope read it).
 */
export async function profiledServer<T>(
  port: number,
  env: Record<string, string>,
  work: (server: RunningServer) => Promise<T>,
  keepAt?: string,
): Promise<{ result: T; profile: Profile }> {
  const dir = mkdtempSync(path.join(tmpdir(), "pantry-profile-"));
  try {
    const server = await startServer(port, { ...env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` });
    let result: T;
    try {
      result = await work(server);
    } finally {
      await server.stop();
    }
    // `next start` is one process; should it ever fork, the server is the busiest one.
    const file = readdirSync(dir)
      .map((name) => path.join(dir, name))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (!file) throw new Error(`no CPU profile was written to ${dir}`);
    if (keepAt) copyFileSync(file, keepAt);
    return { result, profile: JSON.parse(readFileSync(file, "utf8")) as Profile };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
