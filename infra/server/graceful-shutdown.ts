import type { Server } from "node:http";
import { errorFields, log } from "@/infra/log";

// SIGTERM (Heroku: every deploy and the daily restart, SIGKILL 30 s later) and SIGINT. Next's own handler never closes our
// database pools, so with NEXT_MANUAL_SIG_HANDLE=true this one runs: stop accepting, drain within the grace period, close.
export type ShutdownOptions = {
  graceMs: number;
  /** The servers to close: those that have served a request (none yet: nothing to drain). */
  servers: () => Server[];
  /** Makes the answers still to come close their connections (keep-alive would hold them). */
  stopKeepingAlive: () => void;
  closeDatabase: () => Promise<void>;
  exit?: (code: number) => void;
};

const IDLE_SWEEP_MS = 100;

/** Idle connections close at once and as they go idle, the rest by force after `graceMs`; resolves once all are gone. */
export async function drainServers(servers: Server[], graceMs: number): Promise<{ forced: boolean }> {
  if (servers.length === 0) return { forced: false };
  // The callback comes once the last connection has closed (with an error if it was not listening).
  const closed = Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  const sweep = () => servers.forEach((server) => server.closeIdleConnections());
  sweep();
  const sweeper = setInterval(sweep, IDLE_SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    closed.then(() => "drained" as const),
    new Promise<"deadline">((resolve) => {
      timer = setTimeout(() => resolve("deadline"), graceMs);
    }),
  ]);
  clearInterval(sweeper);
  clearTimeout(timer);
  if (outcome === "drained") return { forced: false };
  servers.forEach((server) => server.closeAllConnections());
  await closed;
  return { forced: true };
}

export async function shutDown(signal: NodeJS.Signals, options: ShutdownOptions): Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const servers = options.servers();
  log.info("server.shutdown", { signal, servers: servers.length, graceMs: options.graceMs });
  options.stopKeepingAlive();
  const { forced } = await drainServers(servers, options.graceMs);
  if (forced) log.warn("server.shutdown_forced", { graceMs: options.graceMs });
  try {
    await options.closeDatabase();
  } catch (error) {
    log.error("server.shutdown_database", errorFields(error));
    exit(1);
    return;
  }
  exit(0);
}

const installed = Symbol.for("pantry.gracefulShutdown");

/** Once per process; a second signal while draining changes nothing (a shell sends SIGINT twice). */
export function installGracefulShutdown(options: ShutdownOptions): void {
  const marked = process as NodeJS.Process & { [installed]?: true };
  if (marked[installed]) return;
  marked[installed] = true;
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    void shutDown(signal, options);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
