import http from "node:http";
import type { BrowserContext } from "@playwright/test";
import { PARITY } from "../support/ports";
import { expect, logout, registerAndActivate, test, uniqueEmail } from "../support/test";
import { formWith, Visitor } from "./client";

/**
 * What only shows with more than one instance behind a proxy: state that must be shared (sessions,
 * the login back-off, per-client limits), forms that travel between instances, and the https rule
 * on the public address.
 */
const upstream = { a: `127.0.0.1:${PARITY.instancePorts[0]}`, b: `127.0.0.1:${PARITY.instancePorts[1]}` } as const;
const pin = (context: BrowserContext, instance: "a" | "b") => context.setExtraHTTPHeaders({ "x-parity-instance": instance });

test.describe("plain http", () => {
  // Chromium notes that the security headers of the plain-http redirect itself are not applied
  // there: that answer only sends the browser to https.
  test.use({ expectedConsoleErrors: [/^The Cross-Origin-Opener-Policy header has been ignored/] });

  test("is answered with a 301 to the public https address, whatever Host the client names", async ({ page }) => {
    const plain = (headers: Record<string, string>) =>
      new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
        http
          .get(
            {
              host: "127.0.0.1",
              port: PARITY.httpPort,
              path: "/register?from=ad",
              headers: { host: `${PARITY.publicName}:${PARITY.httpPort}`, ...headers },
            },
            (response) => {
              response.resume();
              resolve({ status: response.statusCode ?? 0, location: response.headers.location });
            },
          )
          .on("error", reject);
      });
    const expected = { status: 301, location: `${PARITY.publicUrl}/register?from=ad` };
    expect(await plain({})).toEqual(expected);
    expect(await plain({ "x-forwarded-host": "evil.example" })).toEqual(expected);
    expect(await plain({ host: "evil.example" })).toEqual(expected);

    await page.goto(`${PARITY.plainUrl}/register`);
    await expect(page).toHaveURL(`${PARITY.publicUrl}/register`);
  });
});

test("a logout on one instance ends the session on both, even for a copied cookie", async ({ page, context, browser }) => {
  await registerAndActivate(page, "Two Instances");
  const copied = await context.cookies();
  await pin(context, "a");
  await logout(page);

  for (const instance of ["a", "b"] as const) {
    const thief = await browser.newContext({ extraHTTPHeaders: { "x-parity-instance": instance } });
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    const dashboard = stolen.waitForResponse((response) => new URL(response.url()).pathname === "/dashboard");
    await stolen.goto("/dashboard");
    const answer = await dashboard;
    expect([answer.status(), answer.headers()["x-parity-upstream"]]).toEqual([307, upstream[instance]]);
    await expect(stolen).toHaveURL(`${PARITY.publicUrl}/login?callbackUrl=%2Fdashboard`);
    await thief.close();
  }
});

for (const javaScript of [true, false]) {
  test(`a form rendered by one instance is saved by the other (${javaScript ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await registerAndActivate(page, "Form Traveller");
    await pin(context, "a");
    const form = await page.goto("/recipes/new");
    expect(form?.headers()["x-parity-upstream"]).toBe(upstream.a);

    const title = `Travelling stew ${Date.now()}`;
    await page.getByRole("main").getByLabel("Title").fill(title);
    if (javaScript) {
      await page.getByRole("textbox", { name: "Ingredient 1" }).fill("3 carrots");
      await page.getByRole("textbox", { name: "Step 1" }).fill("Stew.");
    } else {
      await page.getByRole("main").getByLabel("Ingredients").fill("3 carrots");
      await page.getByRole("main").getByLabel("Steps").fill("Stew.");
    }
    await page.getByRole("main").getByLabel("Servings").fill("2");
    await pin(context, "b");
    const posted = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Save recipe" }).click();
    expect((await posted).headers()["x-parity-upstream"]).toBe(upstream.b);
    await expect(page.getByTestId("flash")).toContainText(`“${title}” is saved.`);
    await context.close();
  });
}

test("the login back-off counts failures on both instances together", async ({ page }) => {
  const { email, password } = await registerAndActivate(page, "Backed Off");
  await logout(page);

  const visitor = new Visitor({ sourceAddress: "127.0.0.21" });
  const logIn = async (attempt: string, instance: "a" | "b") => {
    const form = await visitor.get("/login", instance);
    const answer = await visitor.submit("/login", form, formWith("callbackUrl"), { email, password: attempt, callbackUrl: "/" }, instance);
    expect(answer.instance).toBe(upstream[instance]);
    return answer;
  };
  for (let failure = 0; failure < 5; failure++) {
    expect((await logIn("not the right password", failure % 2 === 0 ? "a" : "b")).body).toContain("Wrong email or password.");
  }
  for (const instance of ["a", "b"] as const) {
    const locked = await logIn(password, instance);
    expect(locked.status).toBe(200);
    expect(locked.body).toContain("Too many failed attempts for this account.");
    expect(visitor.cookies.has("__Secure-authjs.session-token")).toBe(false);
  }
  visitor.close();
});

test("the per-client request limit is one budget across instances, and a forged X-Forwarded-For does not escape it", async () => {
  const limited = new Visitor({ sourceAddress: "127.0.0.31" });
  const forms = { a: await limited.get("/forgot-password", "a"), b: await limited.get("/forgot-password", "b") };
  const ask = async (visitor: Visitor, instance: "a" | "b", headers: Record<string, string> = {}) => {
    const email = uniqueEmail("nobody");
    const answer = await visitor.submit(
      "/forgot-password",
      forms[instance],
      formWith("email", "Send me a reset link"),
      { email },
      instance,
      headers,
    );
    expect(answer.instance).toBe(upstream[instance]);
    return answer.body;
  };
  // The default allowance is 30 requests per client per 10 minutes.
  for (let request = 0; request < 30; request++) {
    expect(await ask(limited, request % 2 === 0 ? "a" : "b", { "x-forwarded-for": `203.0.113.${request}` })).toContain(
      "If an account uses",
    );
  }
  for (const instance of ["a", "b"] as const) {
    expect(await ask(limited, instance, { "x-forwarded-for": "198.51.100.7" })).toContain("Too many attempts from your network.");
  }
  const neighbour = new Visitor({ sourceAddress: "127.0.0.32" });
  expect(await ask(neighbour, "b")).toContain("If an account uses");
  limited.close();
  neighbour.close();
});
