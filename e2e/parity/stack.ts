import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startFakeResend } from "../support/fake-resend";
import { spawnNextStart } from "../support/next-start";
import { createCluster, type Cluster } from "../support/pg-cluster";
import { E2E, PARITY } from "../support/ports";

/**
 * The site as Heroku runs it, on this machine: nginx terminates TLS for a public name and forwards
 * X-Forwarded-For/-Proto/-Port to two `next start` instances of one build, round robin; they reach
 * PostgreSQL (a cluster of the stack's own, so it can be restarted) through PgBouncer in
 * transaction mode, and migrate over the direct URL, both at once, as two release phases would.
 *
 * A request with `x-parity-instance: a` or `b` is sent to that instance only, so a test can render
 * a form on one and post it to the other; every answer names its instance in `x-parity-upstream`.
 */
export type Instance = { name: "a" | "b"; port: number; running(): boolean; stop(): Promise<number | null>; start(): Promise<void> };

export type Stack = {
  publicUrl: string;
  plainUrl: string;
  directDatabaseUrl: string;
  instances: [Instance, Instance];
  database: Cluster;
  /** Both release-phase migrations' outcome, as read from the journal table afterwards. */
  migrations: { journalEntries: number; applied: number };
  stop(): Promise<void>;
};

export type StackOptions = { env?: Record<string, string>; log?: (line: string) => void };

const DATABASE = "pantry";
const root = path.resolve(import.meta.dirname, "..", "..");

function makeCertificate(dir: string) {
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", `/CN=${PARITY.publicName}`,
    "-addext", `subjectAltName=DNS:${PARITY.publicName}`, "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
  ], { stdio: ["ignore", "ignore", "pipe"] });
}

function nginxConfig(dir: string): string {
  const [a, b] = PARITY.instancePorts;
  const proxied = (scheme: string) => `
    location / {
      proxy_pass http://$pantry_backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "close";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto ${scheme};
      proxy_set_header X-Forwarded-Port $server_port;
      proxy_set_header X-Forwarded-Host "";
      proxy_set_header X-Parity-Instance "";
      proxy_set_header X-Request-Start "t=\${msec}";
      proxy_read_timeout 60s;
      add_header X-Parity-Upstream $upstream_addr always;
    }`;
  return `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
${userInfo().uid === 0 ? "user root;" : ""}
events { worker_connections 1024; }
http {
  access_log ${dir}/nginx-access.log;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  client_max_body_size 20m;
  upstream pantry_pool {
    server 127.0.0.1:${a} max_fails=1 fail_timeout=2s;
    server 127.0.0.1:${b} max_fails=1 fail_timeout=2s;
  }
  map $http_x_parity_instance $pantry_backend {
    a 127.0.0.1:${a};
    b 127.0.0.1:${b};
    default pantry_pool;
  }
  server {
    listen 127.0.0.1:${PARITY.httpsPort} ssl;
    server_name ${PARITY.publicName};
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    ${proxied("https")}
  }
  server {
    listen 127.0.0.1:${PARITY.httpPort};
    server_name ${PARITY.publicName};
    ${proxied("http")}
  }
}
`;
}

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

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

// Asked directly, as the platform's router would: a request it forwarded over https.
const healthy = (port: number) => async () => (await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { "x-forwarded-proto": "https" } })).ok;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${output}`))));
  });
}

export async function startParityStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(`[parity] ${line}`));
  const dir = mkdtempSync(path.join(tmpdir(), "pantry-parity-"));
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  // nginx and PgBouncer take their workers and connections down with them on SIGTERM; SIGKILL
  // would leave nginx's worker behind.
  const killChildren = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(child === nginx || child === bouncer ? "SIGTERM" : "SIGKILL");
  };
  let nginx: ChildProcess | undefined;
  let bouncer: ChildProcess | undefined;
  const stop = async () => {
    killChildren();
    for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch(() => {});
  };
  // Also when the process ends some other way: nothing of the stack outlives it.
  process.once("exit", () => {
    killChildren();
    try {
      database?.destroy();
    } catch {
      // Best effort on the way out.
    }
  });
  let database: Cluster | undefined;

  try {
    makeCertificate(dir);
    const resend = await startFakeResend(E2E.resendPort);
    cleanups.push(() => new Promise<void>((resolve) => resend.close(() => resolve())));

    database = createCluster(PARITY.databasePort);
    const cluster = database;
    cleanups.push(() => {
      cluster.destroy();
      database = undefined;
    });
    const admin = postgres(database.url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    const directDatabaseUrl = `postgres://postgres@127.0.0.1:${PARITY.databasePort}/${DATABASE}`;
    const pooledDatabaseUrl = `postgres://postgres@127.0.0.1:${PARITY.poolerPort}/${DATABASE}?pgbouncer=true`;

    writeFileSync(path.join(dir, "userlist.txt"), '"postgres" ""\n');
    writeFileSync(path.join(dir, "pgbouncer.ini"), pgbouncerConfig(dir));
    if (userInfo().uid === 0) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
      chmodSync(dir, 0o755);
      for (const file of ["", "userlist.txt", "pgbouncer.ini"]) chownSync(path.join(dir, file), uid, gid);
    }
    // PgBouncer refuses to run as root; it changes to the postgres user itself.
    bouncer = spawn("pgbouncer", [...(userInfo().uid === 0 ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], { stdio: "ignore" });
    children.push(bouncer);
    await waitFor("PgBouncer", async () => {
      const probe = postgres(pooledDatabaseUrl.replace("?pgbouncer=true", ""), { max: 1, prepare: false, connect_timeout: 2, onnotice: () => {} });
      try {
        await probe`select 1`;
        return true;
      } finally {
        await probe.end({ timeout: 1 });
      }
    }, 20_000);

    writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir));
    nginx = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "inherit"] });
    children.push(nginx);

    const common: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      APP_URL: PARITY.publicUrl,
      AUTH_SECRET: "parity-secret-parity-secret-parity-secret-0123",
      DATABASE_URL: pooledDatabaseUrl,
      DATABASE_URL_DIRECT: directDatabaseUrl,
      DATABASE_POOL_MAX: "8",
      RESEND_API_KEY: "re_parity_fake_key",
      RESEND_BASE_URL: E2E.resendUrl,
      MAIL_FROM: "Pantry <hello@pantry.test>",
      MAIL_SEND_TIMEOUT_MS: "2000",
      TRUSTED_PROXY: "forwarded",
      TRUSTED_PROXY_HOPS: "1",
      // The platform's DNS and certificate authority, for the server's own requests to APP_URL.
      NODE_OPTIONS: `--import ${path.join(import.meta.dirname, "resolve-public-name.mjs")}`,
      NODE_EXTRA_CA_CERTS: path.join(dir, "cert.pem"),
      PARITY_PUBLIC_NAME: PARITY.publicName,
      ...options.env,
    };

    // Two release phases at once, over the direct URL: one correct schema.
    const migrate = () => run(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], common);
    await Promise.all([migrate(), migrate()]);
    const check = postgres(directDatabaseUrl, { max: 1, onnotice: () => {} });
    const [row] = await check<{ applied: number; distinct: number }[]>`
      select count(*)::int as applied, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`;
    const { applied, distinct } = row!;
    await check.end();
    const journal = (await import("@/infra/db/migrations/meta/_journal.json", { with: { type: "json" } })).default as { entries: unknown[] };
    const migrations = { journalEntries: journal.entries.length, applied };
    if (applied !== journal.entries.length || distinct !== applied) throw new Error(`migrations: ${applied} rows (${distinct} distinct) for ${journal.entries.length} journal entries`);
    log(`two concurrent migrations: ${applied} applied once each (${journal.entries.length} in the journal)`);
    await run(process.execPath, ["--import", "tsx", "scripts/db-seed.ts"], common);

    const makeInstance = (name: "a" | "b", port: number): Instance => {
      let child: ChildProcess | undefined;
      const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
      const start = async () => {
        const started = spawnNextStart(port, common, (line) => {
          if (line.trim()) log(`${name}: ${line}`);
        });
        child = started;
        children.push(started);
        const exited = new Promise<never>((_, reject) => started.once("exit", (code) => reject(new Error(`instance ${name} exited (${code}) before it was ready`))));
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
    };
    const instances: [Instance, Instance] = [makeInstance("a", PARITY.instancePorts[0]), makeInstance("b", PARITY.instancePorts[1])];
    await Promise.all(instances.map((instance) => instance.start()));
    log(`ready: ${PARITY.publicUrl} (plain http ${PARITY.plainUrl}) → :${PARITY.instancePorts.join(", :")} → PgBouncer :${PARITY.poolerPort} → PostgreSQL :${PARITY.databasePort}`);

    return {
      publicUrl: PARITY.publicUrl,
      plainUrl: PARITY.plainUrl,
      directDatabaseUrl,
      instances,
      database: cluster,
      migrations,
      stop: async () => {
        await Promise.all(instances.map((instance) => instance.stop()));
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
