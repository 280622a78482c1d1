import { users } from "@/infra/db/schema";
import { hashPassword } from "@/core/passwords/hash";
import { ensureBuild } from "../scripts/lib/app-build";
import { freshDatabase, type BenchDatabase } from "../scripts/lib/fresh-database";
import { load, type LoadResult } from "./lib/load";
import { isSuccessfulLogin, parseLoginForm, type LoginForm } from "./lib/login-form";
import { benchOptions, describeRun, type BenchOptions } from "./lib/options";
import { pbkdf2Throughput } from "./lib/pbkdf2";
import { writeSection } from "./lib/results";
import { startServer } from "../scripts/lib/app-server";
import { fixed, markdownTable, percent } from "./lib/table";
import { mainThreadCpuMs, processTreeCpuMs } from "./lib/process-cpu";
import { flameGraph } from "./lib/flamegraph";
import { writeFileSync } from "node:fs";
import { profiledServer } from "./lib/profiled-server";
import path from "node:path";

/**
 * Login cost: raw PBKDF2 throughput against successful logins/s through the real
 * login action under a flood, and the latency of a light request (/api/health) meanwhile.
 * Run with the react-server condition (see package.json): core/passwords/hash.ts is server-only.
 */
const BENCH_USERS = 16;
const PASSWORD = "a long and unusual passphrase";
/** The light request's pace during the flood: enough samples for a p99, too few to add load. */
const PROBE_RATE = 20;
/** Where the profiled run's flame graph goes (committed with the results). */
const FLAME_GRAPH = path.join("bench", "login-flamegraph.svg");

async function createUsers(database: BenchDatabase, iterations: number): Promise<string[]> {
  // One hash for all: every user costs the same PBKDF2 at login, and setting up stays quick.
  const passwordHash = await hashPassword(PASSWORD, iterations);
  const emails = Array.from({ length: BENCH_USERS }, (_, index) => `bench-${index + 1}@pantry.test`);
  const handle = await database.open();
  try {
    await handle.db
      .insert(users)
      .values(emails.map((email, index) => ({ email, name: `Bench ${index + 1}`, passwordHash, isActive: true, activatedAt: new Date() })));
  } finally {
    await handle.close();
  }
  return emails;
}

/** /api/health when this build has it; otherwise the /login page, and the table says so. */
async function probePath(url: string): Promise<{ path: string; label: string }> {
  try {
    const response = await fetch(`${url}/api/health`);
    const body = response.ok ? ((await response.json()) as { status?: string }) : null;
    if (body?.status === "ok") return { path: "/api/health", label: "/api/health" };
  } catch {
    // absent or not JSON: fall back below
  }
  return { path: "/login", label: "GET /login (no /api/health in this build)" };
}

async function main() {
  const options = benchOptions();
  const iterations = options.passwordIterations;
  ensureBuild(options.reuseBuild);

  console.log(`raw PBKDF2-SHA512 at ${iterations} iterations, default thread pool, ${options.duration} s …`);
  const raw = await pbkdf2Throughput(iterations, options.duration);

  const database = await freshDatabase(options.databaseUrl);
  const emails = await createUsers(database, iterations);
  const server = await startServer(options.port, { ...database.env, PASSWORD_ITERATIONS: String(iterations) });
  let section: string;
  let form: LoginForm;
  try {
    form = parseLoginForm(await (await fetch(`${server.url}/login`)).text());
    const headers = { "content-type": form.contentType, origin: server.url };
    const check = await fetch(`${server.url}/login`, {
      method: "POST",
      headers,
      body: form.body(emails[0]!, PASSWORD),
      redirect: "manual",
    });
    if (!isSuccessfulLogin(check.status, { "set-cookie": check.headers.getSetCookie() })) {
      throw new Error(`a replayed login did not sign in (HTTP ${check.status}): the login form changed?`);
    }
    const probe = await probePath(server.url);
    const probeLoad = (duration: number) => load(server.url, { path: probe.path }, { duration, connections: 2, rate: PROBE_RATE });

    const idle = await probeLoad(Math.min(5, options.duration));
    let logins = 0;
    let failed = 0;
    const bodies = emails.map((email) => form.body(email, PASSWORD));
    const cpuBefore = { all: processTreeCpuMs(server.pid), main: mainThreadCpuMs(server.pid) };
    const [flood, busy]: [LoadResult, LoadResult] = await Promise.all([
      load(
        server.url,
        {
          method: "POST",
          path: "/login",
          headers,
          bodies,
          onResponse: (status, responseHeaders) => (isSuccessfulLogin(status, responseHeaders) ? logins++ : failed++),
        },
        { duration: options.duration, connections: options.loginConnections },
      ),
      probeLoad(options.duration),
    ]);
    const cpu = { all: processTreeCpuMs(server.pid) - cpuBefore.all, main: mainThreadCpuMs(server.pid) - cpuBefore.main };
    const loginsPerSecond = logins / options.duration;
    const ratio = loginsPerSecond / raw.hashesPerSecond;

    const summary = markdownTable(
      ["measure", "value", "target"],
      [
        [
          `raw PBKDF2 (${iterations} it., ${8} in flight)`,
          `${fixed(raw.hashesPerSecond, 1)} hashes/s (mean ${fixed(raw.meanMs)} ms each)`,
          "",
        ],
        [
          `successful logins (${options.loginConnections} connections)`,
          `${fixed(loginsPerSecond, 1)} /s (${logins} ok, ${failed} not; login p50 ${fixed(flood.p50)} ms, p99 ${fixed(flood.p99)} ms)`,
          "",
        ],
        ["logins / raw PBKDF2", percent(ratio), `≥ 85%: ${ratio >= 0.85 ? "met" : "missed"}`],
        [
          "server CPU per login",
          `${fixed(cpu.main / logins, 1)} ms on the main thread, ${fixed((cpu.all - cpu.main) / logins, 1)} ms on the others (the hash's thread pool)`,
          "",
        ],
        [`${probe.label} p99, idle`, `${fixed(idle.p99)} ms (p50 ${fixed(idle.p50)}, p95 ${fixed(idle.p95)})`, ""],
        [
          `${probe.label} p99, during the flood`,
          `${fixed(busy.p99)} ms (p50 ${fixed(busy.p50)}, p95 ${fixed(busy.p95)}, ${busy.errors + busy.bad} errors)`,
          `≤ 50 ms: ${busy.p99 <= 50 ? "met" : "missed"}`,
        ],
      ],
    );
    console.log(`\n${summary}`);
    section = `## Login cost

${describeRun(options, `${options.loginConnections} login connections, ${BENCH_USERS} users`)}

${summary}

How: the raw figure is \`crypto.pbkdf2\` (SHA-512, 64-byte key, as \`core/passwords/hash.ts\`) in the benchmark's
own process before the server starts, 8 hashes always in flight on Node's default thread pool (4
threads). The logins replay the /login form as a browser without JavaScript posts it (the server
action's hidden fields, email, password) against \`next start\` of the benchmark's build, rotating over
${BENCH_USERS} active users created directly in the database; a login counts when the answer is the 303
that sets the session cookie. The server's CPU per login is read from /proc over the flood (the /api/health
probe's requests included): the main thread runs everything but the hash. ${probe.label} is probed at ${PROBE_RATE} requests/s on two connections
alongside, and alone before the flood. Rate limiting is off for this run (\`RATE_LIMIT_DISABLED=true\`).`;
  } finally {
    await server.stop();
  }
  try {
    section += `\n\n${await profiledFlood(options, database, form, emails)}`;
  } finally {
    await database.drop();
  }
  writeSection("login", section);
}

/**
 * Where the CPU goes besides the hash: a second, shorter flood against a server started with
 * `--cpu-prof` (so not the measured one: the profiler costs CPU too), drawn as a flame graph.
 */
async function profiledFlood(options: BenchOptions, database: BenchDatabase, form: LoginForm, emails: string[]): Promise<string> {
  const duration = Math.min(10, options.duration);
  // To dig further: BENCH_LOGIN_PROFILE=/tmp/login.cpuprofile keeps the profile.
  const { result: logins, profile } = await profiledServer(
    options.port,
    { ...database.env, PASSWORD_ITERATIONS: String(options.passwordIterations) },
    async (server) => {
      let ok = 0;
      await load(
        server.url,
        {
          method: "POST",
          path: "/login",
          headers: { "content-type": form.contentType, origin: server.url },
          bodies: emails.map((email) => form.body(email, PASSWORD)),
          onResponse: (status, headers) => void (isSuccessfulLogin(status, headers) && ok++),
        },
        { duration, connections: options.loginConnections },
      );
      return ok;
    },
    process.env.BENCH_LOGIN_PROFILE,
  );
  const graph = flameGraph(profile, { title: "next start during a login flood", during: "pbkdf2", per: { count: logins, unit: "login" } });
  writeFileSync(FLAME_GRAPH, graph.svg);
  console.log(`wrote ${FLAME_GRAPH}`);
  const rows = graph.groups.map(({ group, ms }) => [group, fixed(ms / logins, 1), percent(ms / graph.busyMs)]);
  return `### Where the server's main thread spends a login (profiled run)

${duration} s flood, ${logins} logins, under \`--cpu-prof\` (which costs CPU itself): the main thread was busy
${fixed(graph.busyMs / logins, 1)} ms per login and idle ${percent(graph.idleMs / (graph.idleMs + graph.busyMs))} of the time (the hashes run on the
thread pool, outside this profile). Flame graph: \`${FLAME_GRAPH}\` (open it in a browser; hover a frame).

${markdownTable(["code", "self ms per login", "share of busy time"], rows)}

"bundle" is the server build's chunks (the app's code with React, Auth.js, Drizzle and zod), "next" Next's
own runtime, "middleware" the Edge sandbox (Next's adapter and the app's middleware), "pglite" the
embedded database's WASM and driver, "node" Node's internals (HTTP, streams, crypto's JavaScript side),
"native" and "runtime" V8 builtins, the garbage collector and compiled code without a script.`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
