import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startFakeResend } from "../support/fake-resend";
import { createCluster, type Cluster } from "../support/pg-cluster";
import { E2E, PARITY } from "../support/ports";
import { createDatabase, directDatabaseUrl, migrateTwiceAtOnce, pooledDatabaseUrl, seed } from "./database";
import { makeInstance, type Instance } from "./instance";
import { pgBouncerReady, startPgBouncer } from "./pooler";
import { makeCertificate, startNginx } from "./proxy";

/**
 * The site as Heroku runs it, on this machine: nginx terminates TLS for a public name and forwards
 * X-Forwarded-For/-Proto/-Port to two `next start` instances of one build, round robin; they reach
 * PostgreSQL (a cluster of the stack's own, so it can be restarted) through PgBouncer in
 * transaction mode, and migrate over the direct URL, both at once, as two release phases would.
 *
 * A request with `x-parity-instance: a` or `b` is sent to that instance only, so a test can render
 * a form on one and post it to the other; every answer names its instance in `x-parity-upstream`.
 */
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

export async function startParityStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(`[parity] ${line}`));
  const dir = mkdtempSync(path.join(tmpdir(), "pantry-parity-"));
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  // nginx and PgBouncer take their workers and connections down with them on SIGTERM; SIGKILL
  // would leave nginx's worker behind.
  const killChildren = () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill(child === nginx || child === bouncer ? "SIGTERM" : "SIGKILL");
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
    await createDatabase(cluster);

    bouncer = startPgBouncer(dir);
    children.push(bouncer);
    await pgBouncerReady(pooledDatabaseUrl);

    nginx = startNginx(dir);
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

    const migrations = await migrateTwiceAtOnce(common, log);
    await seed(common);

    const instances: [Instance, Instance] = [
      makeInstance("a", PARITY.instancePorts[0], common, log, children),
      makeInstance("b", PARITY.instancePorts[1], common, log, children),
    ];
    await Promise.all(instances.map((instance) => instance.start()));
    log(
      `ready: ${PARITY.publicUrl} (plain http ${PARITY.plainUrl}) → :${PARITY.instancePorts.join(", :")} → PgBouncer :${PARITY.poolerPort} → PostgreSQL :${PARITY.databasePort}`,
    );

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
