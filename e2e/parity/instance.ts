import type { ChildProcess } from "node:child_process";
import { spawnNextStart } from "../support/next-start";
import { waitFor } from "./wait";

/** One `next start` of the stack, behind the proxy: stopped with SIGTERM, started again on the same port. */
export type Instance = { name: "a" | "b"; port: number; running(): boolean; stop(): Promise<number | null>; start(): Promise<void> };

// Asked directly, as the platform's router would: a request it forwarded over https.
const healthy = (port: number) => async () =>
  (await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { "x-forwarded-proto": "https" } })).ok;

/**
 * `env` is the instance's whole environment; its output goes to `log` line by line. Every process
 * it starts is added to `children`, so the stack can end them whatever happens.
 */
export function makeInstance(
  name: "a" | "b",
  port: number,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  children: ChildProcess[],
): Instance {
  let child: ChildProcess | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const start = async () => {
    const started = spawnNextStart(port, env, (line) => {
      if (line.trim()) log(`${name}: ${line}`);
    });
    child = started;
    children.push(started);
    const exited = new Promise<never>((_, reject) =>
      started.once("exit", (code) => reject(new Error(`instance ${name} exited (${code}) before it was ready`))),
    );
    await Promise.race([waitFor(`instance ${name}`, healthy(port)), exited]);
  };
  const stop = () =>
    new Promise<number | null>((resolve) => {
      const current = child;
      if (!current || !running()) return resolve(current?.exitCode ?? null);
      current.once("exit", (code) => resolve(code));
      current.kill("SIGTERM");
    });
  return { name, port, running, start, stop };
}
