import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL cluster of its own (initdb into a temporary folder, pg_ctl on a given
 * port), so a test can stop and start a database server without touching the machine's shared one.
 * PostgreSQL refuses to run as root: as root, its commands run as the `postgres` system user.
 */
const BIN_CANDIDATES = [process.env.PG_BIN, "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

function findBin(): string {
  const dir = BIN_CANDIDATES.find((candidate) => candidate && existsSync(path.join(candidate, "initdb")));
  if (!dir) throw new Error("initdb not found: install PostgreSQL's server package or set PG_BIN to its bin folder");
  return dir;
}

export type Cluster = { url: string; stop(): void; start(): void; destroy(): void; serverLog(): string };

/** `settings`: extra server settings (`-c name=value`), e.g. a log level a test reads in serverLog(). */
export function createCluster(port: number, settings: Record<string, string> = {}): Cluster {
  const bin = findBin();
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "pantry-pg-"));
  const data = path.join(dir, "data");
  if (asRoot) {
    const ids = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
    const gid = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const pg = (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, tool);
    const fullArgs = asRoot ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args;
    execFileSync(command, fullArgs, { stdio: ["ignore", "ignore", "pipe"], cwd: dir });
  };
  const running = () => existsSync(path.join(data, "postmaster.pid"));

  pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const extra = Object.entries(settings)
    .map(([name, value]) => ` -c ${name}=${value}`)
    .join("");
  const start = () =>
    pg("pg_ctl", [
      "-D",
      data,
      "-l",
      path.join(dir, "server.log"),
      "-w",
      "-t",
      "30",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${extra}`,
      "start",
    ]);
  start();

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // "fast": connected clients are cut off, as when a managed database restarts.
    stop: () => pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]),
    start,
    serverLog: () => readFileSync(path.join(dir, "server.log"), "utf8"),
    destroy: () => {
      try {
        if (running()) pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
