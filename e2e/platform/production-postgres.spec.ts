import { execFile, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { actionFields } from "../support/actions";
import { spawnNextStart } from "../support/next-start";
import { createCluster, type Cluster } from "../support/pg-cluster";
import { E2E } from "../support/ports";
import { expect, test } from "../support/test";

/**
 * Production on PostgreSQL, the way Heroku runs it: a database server of its own (a throwaway
 * cluster, so it can be stopped without touching anyone else's), the Flask data imported with the
 * CLI, `next start` with a production configuration. Then the database goes away and comes back
 * under the running server.
 */
const run = promisify(execFile);
const appUrl = `http://localhost:${E2E.outageAppPort}`;

let cluster: Cluster | undefined;
let server: ChildProcess | undefined;
const serverOutput: string[] = [];

function productionEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: "outage-secret-outage-secret-outage-secret-0123",
    APP_URL: appUrl,
    FORCE_HTTPS: "false",
    DATABASE_URL: databaseUrl,
    RESEND_API_KEY: "re_e2e_fake_key",
    RESEND_BASE_URL: E2E.resendUrl,
    MAIL_FROM: "Pantry <hello@pantry.test>",
    NEXT_MANUAL_SIG_HANDLE: "true",
  } as NodeJS.ProcessEnv;
}

/** Synchronous, so it also runs from process.on("exit") if the worker is torn down early. */
function cleanUp() {
  if (server && server.exitCode === null) server.kill("SIGKILL");
  server = undefined;
  cluster?.destroy();
  cluster = undefined;
}
process.on("exit", cleanUp);

async function health(request: import("@playwright/test").APIRequestContext) {
  const response = await request.get(`${appUrl}/api/health`);
  return { status: response.status(), cacheControl: response.headers()["cache-control"], body: (await response.json()) as unknown };
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = createCluster(E2E.outageDbPort);
  const env = productionEnv(cluster.url);
  const imported = await run(process.execPath, ["--import", "tsx", "scripts/import-flask.ts", "tests/fixtures/flask-export.json"], { env });
  expect(imported.stdout).toContain("Users created: 3, skipped: 1");

  server = spawnNextStart(E2E.outageAppPort, env, (line) => serverOutput.push(line));
  await expect.poll(async () => (await fetch(`${appUrl}/api/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
});

test.afterAll(() => cleanUp());

test.afterEach(async ({}, testInfo) => {
  // On failure, the server's JSON lines say what the middleware and the health route saw.
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach("server JSON lines", {
      body: serverOutput.filter((line) => line.startsWith("{")).join("\n"),
      contentType: "text/plain",
    });
});

test("an imported user logs in through the form with the Flask password; imported markup shows as text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${appUrl}/login`);
  await page.getByRole("main").getByLabel("Email", { exact: true }).fill("Bruno@Example.com");
  await page.getByRole("main").getByLabel("Password", { exact: true }).fill("bruno123");
  await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("user-menu")).toContainText("Bruno");

  await page.goto(`${appUrl}/?ingredients=rice`);
  await page.getByTestId("search-result").getByRole("link", { name: "Lemon rice <script>alert(1)</script>" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lemon rice <script>alert(1)</script>");
  await expect(page.getByText("by Ana")).toBeVisible();
  expect(dialogs, "a script from imported text ran").toEqual([]);
});

test.describe("the database going away under the running server", () => {
  // The 503 page load is the point of this test: the browser reports it. Until the middleware's
  // next probe a page still renders and fails (as a 503, with Next's error panel), and React then
  // logs error #441 ("An error occurred in the Server Components render", details withheld in
  // production). Links on the page shown meanwhile are prefetched, and those requests get the 503 as well.
  test.use({ expectedConsoleErrors: [/^HTTP 5\d\d GET \/\S*$|Minified React error #441;/] });

  test("health and pages say 503 'try again'; both recover by themselves when it is back", async ({ page, request }) => {
    test.setTimeout(90_000);
    const pageStatus = async (url: string) => (await request.get(url, { maxRedirects: 0 })).status();
    expect(await health(request)).toEqual({ status: 200, cacheControl: "no-store", body: { status: "ok", db: "ok" } });
    await page.goto(`${appUrl}/?ingredients=garlic`);
    await expect(page.getByTestId("search-result").first()).toBeVisible();
    const loginForm = await actionFields(request, `${appUrl}/login`, "callbackUrl");
    // The header's login form: the login page itself shows a link instead, the home page the form.
    const navForm = await actionFields(request, `${appUrl}/`, "email");
    const navActionId = Object.keys(navForm)
      .find((name) => name.startsWith("$ACTION_ID_"))!
      .slice("$ACTION_ID_".length);
    await page.goto(`${appUrl}/login`);
    await page.getByRole("main").getByLabel("Email", { exact: true }).fill("bruno@example.com");
    await page.getByRole("main").getByLabel("Password", { exact: true }).fill("bruno123");
    await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("user-menu")).toContainText("Bruno");

    cluster!.stop();
    const stoppedAt = Date.now();

    // At once, before the middleware can have heard "down" twice from /api/health (its probes are
    // at least 2 s apart), requests still reach a page or an action, which fails on the database:
    // they answer 503 "try again", not 500 (infra/server/request-scope.ts).
    const expectRetryLater = (response: import("@playwright/test").APIResponse) =>
      expect({
        status: response.status(),
        retryAfter: response.headers()["retry-after"],
        cacheControl: response.headers()["cache-control"],
      }).toEqual({ status: 503, retryAfter: "5", cacheControl: "no-store" });
    const rendered = await request.get(`${appUrl}/?ingredients=garlic`, { maxRedirects: 0 });
    expectRetryLater(rendered);
    // Next's error document (the browser shows the error panel from it), not the middleware's page.
    expect(await rendered.text()).toContain('<html id="__next_error__">');
    // The login form posted without JavaScript, and as Next's client posts a server action.
    expectRetryLater(
      await request.post(`${appUrl}/login`, {
        multipart: { ...loginForm, email: "nobody@example.com", password: "not-the-password" },
        headers: { origin: appUrl },
        maxRedirects: 0,
      }),
    );
    expectRetryLater(
      await request.post(`${appUrl}/`, {
        multipart: { "1_email": "nobody@example.com", "1_password": "not-the-password", "0": '["$K1"]' },
        headers: { origin: appUrl, "next-action": navActionId, accept: "text/x-component" },
        maxRedirects: 0,
      }),
    );
    // They were rendered and failed on the database (the middleware had not turned them away).
    const failures = () =>
      serverOutput.filter((line) => line.includes('"event":"request.error"')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(failures()).toEqual([
      expect.objectContaining({ method: "GET", path: "/", routeType: "render" }),
      expect.objectContaining({ method: "POST", path: "/login" }),
      expect.objectContaining({ method: "POST", path: "/" }),
    ]);
    expect(serverOutput.filter((line) => line.includes('"event":"availability.changed"') && line.includes('"to":"down"'))).toEqual([]);
    // A signed-in person whose session cannot be checked is not taken for a visitor: no redirect
    // to the login page (a form's text would be lost there), but "try again".
    expectRetryLater(await page.request.get(`${appUrl}/dashboard`, { maxRedirects: 0 }));

    expect(await health(request)).toEqual({ status: 503, cacheControl: "no-store", body: { status: "unavailable", db: "down" } });
    // The middleware serves each request on its last known state and probes /api/health in the
    // background, so a page soon after the stop may still be rendered and fail, or be turned away
    // by the middleware: a 503 either way, in the same words.
    const first = await page.goto(`${appUrl}/?ingredients=garlic&token=secret-in-query`);
    expect(first!.status()).toBe(503);
    await expect(page.getByRole("heading", { name: "Something went wrong on our side" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/ECONNREFUSED|postgres|at async|\.ts:\d+/);

    // After the next probes (at most 5 s while up, then 2 s) the middleware answers 503 before any
    // rendering: its own page, with a link to try again.
    const middlewareSaysDown = () =>
      serverOutput.some((line) => line.includes('"event":"availability.changed"') && line.includes('"to":"down"'));
    await expect
      .poll(async () => (await pageStatus(`${appUrl}/?ingredients=garlic`)) === 503 && middlewareSaysDown(), {
        timeout: 20_000,
        intervals: [500],
      })
      .toBe(true);
    const downAfter = Date.now() - stoppedAt;

    const unavailable = await page.goto(`${appUrl}/?ingredients=garlic`);
    // Not a 200 that a cache or crawler would keep, and not a crash: 503, come back in 5 s.
    expect(unavailable!.status()).toBe(503);
    const headers = await unavailable!.allHeaders();
    expect(headers).toMatchObject({
      "retry-after": "5",
      "cache-control": "no-store",
      "content-type": "text/html; charset=utf-8",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
    });
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'.*frame-ancestors 'none'/);
    await expect(page.getByRole("heading", { name: "Something went wrong on our side" })).toBeVisible();
    await expect(page.getByText("Please try again in a moment.")).toBeVisible();
    const tryAgain = page.getByRole("link", { name: "Try again" });
    await expect(tryAgain).toHaveAttribute("href", "/?ingredients=garlic");
    // Pages behind the login and form posts get the same answer (no 500, no redirect loop).
    expect(await pageStatus(`${appUrl}/dashboard`)).toBe(503);
    expect(await pageStatus(`${appUrl}/login`)).toBe(503);
    const action = await request.post(`${appUrl}/login`, { headers: { "next-action": "0".repeat(42), origin: appUrl }, data: "[]" });
    expect([action.status(), await action.text()]).toEqual([503, "Nothing you did caused this. Please try again in a moment."]);

    cluster!.start();
    const startedAt = Date.now();

    // No restart of the app: the driver opens new connections once the server answers, and the
    // middleware's next probe (every 2 s while down) lets pages through again.
    await expect.poll(async () => (await health(request)).status, { timeout: 30_000 }).toBe(200);
    await expect.poll(() => pageStatus(`${appUrl}/?ingredients=garlic`), { timeout: 20_000, intervals: [500] }).toBe(200);
    const upAfter = Date.now() - startedAt;
    test.info().annotations.push({
      type: "outage",
      description: `the middleware answered 503 ${downAfter} ms after the stop; pages were back ${upAfter} ms after the start`,
    });
    console.log(`outage: the middleware answered 503 ${downAfter} ms after the stop; pages were back ${upAfter} ms after the start`);

    await tryAgain.click();
    await expect(page.getByTestId("search-result").first()).toBeVisible();
    const again = await page.goto(`${appUrl}/?ingredients=garlic`);
    expect(again!.status()).toBe(200);
    // The session outlived the outage.
    await expect(page.getByTestId("user-menu")).toContainText("Bruno");

    // The log drain saw the health route's failures and the middleware's change of mind both
    // ways, as JSON lines, and no query strings, passwords or full addresses anywhere.
    const events = serverOutput.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toContainEqual(
      expect.objectContaining({ level: "error", event: "request.error", method: "GET", path: "/", digest: expect.any(String) }),
    );
    expect(events).toContainEqual(expect.objectContaining({ level: "warn", event: "health.db_down" }));
    expect(events).toContainEqual(expect.objectContaining({ level: "warn", event: "availability.changed", to: "down" }));
    expect(events).toContainEqual(expect.objectContaining({ level: "info", event: "availability.changed", from: "down", to: "up" }));
    // A server action that fails makes Next print the error (message, stack, extra fields): that
    // too arrives as one JSON line.
    const hidden = (await (await request.get(`${appUrl}/register`)).text()).match(/&quot;id&quot;:&quot;([0-9a-f]+)&quot;/)![1]!;
    const broken = await request.post(`${appUrl}/register`, {
      headers: { "next-action": hidden, origin: appUrl, "content-type": "text/plain" },
      data: '["$Q1"]',
    });
    expect(broken.status()).toBe(500);
    await expect.poll(() => serverOutput.some((line) => line.includes('"event":"console"') && line.includes('"level":"error"'))).toBe(true);
    // Every line after Next's start-up banner (printed before any code of the app runs) is JSON.
    const banner = /^(▲ Next\.js|- (Local|Network|Environments):|✓ (Starting|Ready in|Running))/;
    const notJson = serverOutput.filter((line) => {
      if (banner.test(line)) return false;
      try {
        return typeof JSON.parse(line) !== "object";
      } catch {
        return true;
      }
    });
    expect(notJson, "server output lines that are not one JSON object each").toEqual([]);

    const everything = serverOutput.join("\n");
    expect(everything).not.toContain("secret-in-query");
    expect(everything).not.toContain("bruno123");
    expect(everything).not.toMatch(/bruno@example\.com/i);
  });
});
