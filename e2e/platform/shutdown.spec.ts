import type { ChildProcess } from "node:child_process";
import http from "node:http";
import postgres from "postgres";
import { spawnNextStart } from "../support/next-start";
import { createCluster, type Cluster } from "../support/pg-cluster";
import { E2E } from "../support/ports";
import { expect, test } from "../support/test";

/**
 * A restart as Heroku does it: SIGTERM to `npm start`'s server (NEXT_MANUAL_SIG_HANDLE=true) while
 * a form post is still arriving. The post is answered, a new connection is refused, the process
 * exits 0, and it has closed its database connections itself (PostgreSQL, logging at DEBUG1,
 * notes every client that went away without saying goodbye: "unexpected EOF on client connection").
 */
const appUrl = `http://localhost:${E2E.shutdownAppPort}`;

let cluster: Cluster | undefined;
let server: ChildProcess | undefined;
const serverOutput: string[] = [];

function cleanUp() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  server = undefined;
  cluster?.destroy();
  cluster = undefined;
}
process.on("exit", cleanUp);

test.beforeAll(async () => {
  test.setTimeout(90_000);
  cluster = createCluster(E2E.shutdownDbPort, { log_min_messages: "debug1" });
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
    AUTH_SECRET: "shutdown-secret-shutdown-secret-shutdown-0123",
    APP_URL: appUrl,
    FORCE_HTTPS: "false",
    DATABASE_URL: cluster.url,
    RESEND_API_KEY: "re_e2e_fake_key",
    RESEND_BASE_URL: E2E.resendUrl,
    MAIL_FROM: "Pantry <hello@pantry.test>",
  } as NodeJS.ProcessEnv;
  server = spawnNextStart(E2E.shutdownAppPort, env, (line) => serverOutput.push(line));
  await expect.poll(async () => (await fetch(`${appUrl}/api/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
});

test.afterAll(() => cleanUp());

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach("server output", { body: serverOutput.join("\n"), contentType: "text/plain" });
});

/** The /login page's form (not the navigation bar's), posted as a browser without JavaScript does. */
async function loginFormPost(): Promise<{ body: Buffer; contentType: string }> {
  const html = await (await fetch(`${appUrl}/login`)).text();
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)]
    .map((match) => match[1]!)
    .find((inner) => inner.includes('name="callbackUrl"'));
  const fields = new FormData();
  for (const input of form!.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g))
    fields.append(input[1]!.replaceAll("&quot;", '"'), (input[2] ?? "").replaceAll("&quot;", '"'));
  fields.append("email", "nobody@example.com");
  fields.append("password", "not-the-password");
  const encoded = new Request(appUrl, { method: "POST", body: fields });
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}

const appConnections = async () => {
  const sql = postgres(cluster!.url, { max: 1, onnotice: () => {}, connection: { application_name: "shutdown-spec" } });
  try {
    const [row] = await sql<
      { count: number }[]
    >`select count(*)::int as count from pg_stat_activity where application_name = 'postgres.js'`;
    return row!.count;
  } finally {
    await sql.end();
  }
};

test("SIGTERM: the post in flight is answered, new connections are refused, the database is closed, exit 0", async () => {
  const { body, contentType } = await loginFormPost();
  expect(await appConnections(), "the app's pool and health connection are open").toBeGreaterThan(0);

  // The post announces its body and waits for "100 Continue": the server has then taken the
  // request (Node answers it just before handing the request on), and its body is not all there.
  const inFlight = http.request(`${appUrl}/login`, {
    method: "POST",
    agent: false,
    headers: { "content-type": contentType, "content-length": body.length, origin: appUrl, expect: "100-continue" },
  });
  const answered = new Promise<{ status: number; connection?: string; text: string }>((resolve, reject) => {
    inFlight.on("response", (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      response.on("end", () => resolve({ status: response.statusCode!, connection: response.headers.connection, text }));
    });
    inFlight.on("error", reject);
  });
  await new Promise<void>((resolve) => inFlight.once("continue", resolve));
  inFlight.write(body.subarray(0, body.length - 20));

  const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));
  server!.kill("SIGTERM");
  await expect.poll(() => serverOutput.some((line) => line.includes('"event":"server.shutdown"'))).toBe(true);
  server!.kill("SIGTERM"); // a second signal while draining changes nothing

  // No longer listening: a new visitor's connection is refused (the router sends it to another dyno).
  await expect(fetch(`${appUrl}/login`)).rejects.toMatchObject({ cause: { code: "ECONNREFUSED" } });

  inFlight.end(body.subarray(body.length - 20));
  const answer = await answered;
  // The login action ran to the end, on the database, after the signal.
  expect(answer.status).toBe(200);
  expect(answer.text).toContain("Wrong email or password.");
  expect(answer.connection).toBe("close");

  expect(await exited).toBe(0);
  expect(await appConnections()).toBe(0);
  expect(cluster!.serverLog(), "connections the app left without closing").not.toContain("unexpected EOF on client connection");
  const events = serverOutput.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(events.filter((event) => event.event === "server.shutdown")).toEqual([
    expect.objectContaining({ level: "info", signal: "SIGTERM", servers: 1 }),
  ]);
  // Neither cut short nor failing to close the database (the refused login is a warning of its own).
  expect(events.filter((event) => event.level === "error" || String(event.event).startsWith("server.shutdown_"))).toEqual([]);
});
