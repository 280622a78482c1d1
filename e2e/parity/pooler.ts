import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { PARITY } from "../support/ports";
import { waitFor } from "./wait";

/**
 * Transaction pooling, as Heroku's PgBouncer buildpack, Supabase and Neon run it. After a failed
 * server login PgBouncer turns client logins away for `server_login_retry` (15 s by default; 1 s
 * here, so it tries the restarted database again soon); 0 would make it retry in a busy loop.
 */
function pgbouncerConfig(dir: string): string {
  return `
[databases]
* = host=127.0.0.1 port=${PARITY.databasePort}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${PARITY.poolerPort}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 12
server_login_retry = 1
ignore_startup_parameters = extra_float_digits
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
`;
}

/** PgBouncer with its configuration in `dir`, in front of the stack's cluster. */
export function startPgBouncer(dir: string): ChildProcess {
  writeFileSync(path.join(dir, "userlist.txt"), '"postgres" ""\n');
  writeFileSync(path.join(dir, "pgbouncer.ini"), pgbouncerConfig(dir));
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    chmodSync(dir, 0o755);
    for (const file of ["", "userlist.txt", "pgbouncer.ini"]) chownSync(path.join(dir, file), uid, gid);
  }
  // PgBouncer refuses to run as root; it changes to the postgres user itself.
  return spawn("pgbouncer", [...(userInfo().uid === 0 ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], { stdio: "ignore" });
}

/** Resolves once PgBouncer answers a query at `pooledDatabaseUrl`. */
export function pgBouncerReady(pooledDatabaseUrl: string): Promise<void> {
  return waitFor(
    "PgBouncer",
    async () => {
      const probe = postgres(pooledDatabaseUrl.replace("?pgbouncer=true", ""), {
        max: 1,
        prepare: false,
        connect_timeout: 2,
        onnotice: () => {},
      });
      try {
        await probe`select 1`;
        return true;
      } finally {
        await probe.end({ timeout: 1 });
      }
    },
    20_000,
  );
}
