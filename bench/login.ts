import { users } from "@/infra/db/schema";
import { hashPassword } from "@/core/passwords/hash";
import { ensureBuild } from "../scripts/lib/app-build";
import { freshDatabase } from "../scripts/lib/fresh-database";
import { load, type LoadResult } from "./lib/load";
import { isSuccessfulLogin, parseLoginForm } from "./lib/login-form";
import { benchOptions, describeRun } from "./lib/options";
import { pbkdf2Throughput } from "./lib/pbkdf2";
import { writeSection } from "./lib/results";
import { startServer } from "../scripts/lib/app-server";
import { fixed, markdownTable, percent } from "./lib/table";

/**
 * Login cost: raw PBKDF2 throughput against successful logins/s through the real
 * login action under a flood, and the latency of a light request (/api/health) meanwhile.
 * Run with the react-server condition (see package.json): core/passwords/hash.ts is server-only.
 */
const BENCH_USERS = 16;
const PASSWORD = "a long and unusual passphrase";
/** The light request's pace during the flood: enough samples for a p99, too few to add load. */
const PROBE_RATE = 20;

async function createUsers(database: Awaited<ReturnType<typeof freshDatabase>>, iterations: number): Promise<string[]> {
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
  try {
    const form = parseLoginForm(await (await fetch(`${server.url}/login`)).text());
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
        [`${probe.label} p99, idle`, `${fixed(idle.p99)} ms (p50 ${fixed(idle.p50)}, p95 ${fixed(idle.p95)})`, ""],
        [
          `${probe.label} p99, during the flood`,
          `${fixed(busy.p99)} ms (p50 ${fixed(busy.p50)}, p95 ${fixed(busy.p95)}, ${busy.errors + busy.bad} errors)`,
          `≤ 50 ms: ${busy.p99 <= 50 ? "met" : "missed"}`,
        ],
      ],
    );
    console.log(`\n${summary}`);
    writeSection(
      "login",
      `## Login cost

${describeRun(options, `${options.loginConnections} login connections, ${BENCH_USERS} users`)}

${summary}

How: the raw figure is \`crypto.pbkdf2\` (SHA-512, 64-byte key, as \`core/passwords/hash.ts\`) in the benchmark's
own process before the server starts, 8 hashes always in flight on Node's default thread pool (4
threads). The logins replay the /login form as a browser without JavaScript posts it (the server
action's hidden fields, email, password) against \`next start\` of the benchmark's build, rotating over
${BENCH_USERS} active users created directly in the database; a login counts when the answer is the 303
that sets the session cookie. ${probe.label} is probed at ${PROBE_RATE} requests/s on two connections
alongside, and alone before the flood. Rate limiting is off for this run (\`RATE_LIMIT_DISABLED=true\`).`,
    );
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
