import { expect, linkIn, logout, mailsTo, registerAndActivate, setResendMode, test, uniqueEmail, waitForMail } from "../support/test";

const main = (page: import("@playwright/test").Page) => page.getByRole("main");

test.describe("security headers", () => {
  test("every page has a nonce-based CSP and the other protective headers", async ({ page, request }) => {
    const first = await request.get("/");
    const second = await request.get("/");
    const headers = first.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp.match(/script-src[^;]*/)![0]).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(second.headers()["content-security-policy"]).not.toBe(csp);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");

    // Next put the nonce on the page's own scripts, so they run.
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    await page.goto("/register");
    await page.getByRole("main").getByLabel("Email", { exact: true }).fill("x");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByTestId("register-name-error")).toHaveText("Enter your name.");
  });

  test("a page or 404 page whose address ends like a file still gets the CSP", async ({ request }) => {
    for (const path of ["/activate/abc.css", "/recipes/1.js", "/recipes/1.png", "/nothing-here.svg", "/favicon.ico", "/robots.txt"]) {
      const response = await request.get(path);
      expect(response.headers()["content-type"], path).toContain("text/html");
      expect(response.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    }
    // The real metadata file is still served as itself.
    const icon = await request.get("/icon.svg");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("static assets get the protective headers too", async ({ request }) => {
    const html = await (await request.get("/login")).text();
    const asset = html.match(/\/_next\/static\/[^"]+\.js/)![0];
    const response = await request.get(asset);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("methods", () => {
  test("pages answer GET, HEAD and POST; anything else is a 405 naming those, TRACE included", async ({ request }) => {
    for (const [method, path] of [["TRACE", "/"], ["TRACE", "/login"], ["TRACE", "/api/health"], ["PUT", "/login"], ["DELETE", "/recipes/1"], ["PATCH", "/"]] as const) {
      const response = await request.fetch(path, { method, maxRedirects: 0 });
      expect([response.status(), response.headers().allow], `${method} ${path}`).toEqual([405, "GET, HEAD, POST"]);
    }
    expect((await request.fetch("/", { method: "HEAD" })).status()).toBe(200);
    expect((await request.get("/")).status()).toBe(200);
  });

  test("route handlers still answer their own methods", async ({ request }) => {
    expect((await request.get("/api/health")).status()).toBe(200);
    expect((await request.get("/api/auth/session")).status()).toBe(200);
    // Next's own answer for a method the route does not export.
    expect((await request.delete("/api/health")).status()).toBe(405);
  });
});

test.describe("password reset", () => {
  test("a mailed link sets a new password, ends every session, clears nothing else and signs nobody in", async ({ page, context, browser }) => {
    const { email, password, name } = await registerAndActivate(page, "Forgetful Cook");
    const oldCookies = await context.cookies();
    await logout(page);

    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await main(page).getByLabel("Email").fill(email.toUpperCase());
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByTestId("forgot-message")).toContainText("If an account uses");
    const mail = await waitForMail(email, "Reset your Pantry password");
    expect(mail.text).toContain(`Hello ${name}`);
    const link = linkIn(mail, "/reset-password/");
    expect(link.startsWith("http://localhost:")).toBe(true);

    const hop = await page.request.get(link, { maxRedirects: 0 });
    expect(hop.status()).toBe(303);
    expect(hop.headers()["referrer-policy"]).toBe("no-referrer");

    await page.goto(link);
    await expect(page).toHaveURL(/\/reset-password$/);
    await main(page).getByLabel("New password").fill("password");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByTestId("reset-password-error")).toContainText(/too common|at least 8/);
    const newPassword = "a completely new kitchen phrase";
    await main(page).getByLabel("New password").fill(newPassword);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByTestId("flash")).toContainText("Password changed — log in");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId("user-menu")).toHaveCount(0);

    // The link works once.
    await page.goto(link);
    await expect(page.getByTestId("reset-invalid")).toBeVisible();

    // A session from before the reset is dead, even replayed.
    const replay = await browser.newContext();
    await replay.addCookies(oldCookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/dashboard");
    await expect(replayPage).toHaveURL(/\/login/);
    await replay.close();

    await page.goto("/login");
    await main(page).getByLabel("Email").fill(email);
    await main(page).getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("login-message")).toHaveText("Wrong email or password.");
    await main(page).getByLabel("Password").fill(newPassword);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("user-menu")).toContainText(name);
  });

  test("the mailed link's hop answers a relative Location, whatever host the request came in on", async ({ request }) => {
    const hop = await request.get("/reset-password/not-a-real-token", {
      headers: { host: "pantry.example.com", "x-forwarded-proto": "https", "x-forwarded-host": "pantry.example.com" },
      maxRedirects: 0,
    });
    expect(hop.status()).toBe(303);
    expect(hop.headers().location).toBe("/reset-password");
  });

  test("the request form answers the same for an unknown address, and mails nobody", async ({ page }) => {
    const email = uniqueEmail("ghost");
    await page.goto("/forgot-password");
    await main(page).getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByTestId("forgot-message")).toHaveText(`If an account uses ${email}, we sent it a link to choose a new password. The link works for one hour.`);
    await page.waitForTimeout(500);
    expect(await mailsTo(email)).toEqual([]);
  });
});

test.describe("sessions and the login back-off", () => {
  test("changing the password logs out the other devices and keeps this one", async ({ page, browser }) => {
    const { email, password } = await registerAndActivate(page, "Two Devices");
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto("/login");
    await otherPage.getByRole("main").getByLabel("Email").fill(email);
    await otherPage.getByRole("main").getByLabel("Password").fill(password);
    await otherPage.getByRole("button", { name: "Log in" }).click();
    await expect(otherPage.getByTestId("user-menu")).toBeVisible();

    await page.goto("/account");
    await main(page).getByLabel("Current password").fill("not it at all");
    await main(page).getByLabel("New password").fill("another fine passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByTestId("account-current-password-error")).toHaveText("That is not your current password.");

    await main(page).getByLabel("Current password").fill(password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByTestId("flash")).toContainText("Password changed");
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Your recipes" })).toBeVisible();

    await otherPage.goto("/dashboard");
    await expect(otherPage).toHaveURL(/\/login/);
    await other.close();
  });

  test("after five wrong passwords even the right one waits, with a clear message", async ({ page }) => {
    const { email, password } = await registerAndActivate(page, "Guessed At");
    await logout(page);
    await page.goto("/login");
    for (let i = 0; i < 5; i++) {
      await main(page).getByLabel("Email").fill(email);
      await main(page).getByLabel("Password").fill(`wrong guess ${i}`);
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByTestId("login-message")).toHaveText("Wrong email or password.");
    }
    await main(page).getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("login-message")).toContainText("Too many failed attempts for this account");
    await expect(page.getByRole("link", { name: "Reset your password" })).toBeVisible();
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
  });
});

test.describe("mail faults", () => {
  test.afterEach(async () => setResendMode("ok"));

  for (const mode of ["error", "hang"] as const) {
    test(`Resend ${mode === "error" ? "answering 500" : "timing out"}: the account is saved and the link can be sent again`, async ({ page }) => {
      await setResendMode(mode);
      const email = uniqueEmail(mode);
      await page.goto("/register");
      await main(page).getByLabel("Name").fill("Unlucky Timing");
      await main(page).getByLabel("Email", { exact: true }).fill(email);
      await main(page).getByLabel("Password", { exact: true }).fill("a long and unusual passphrase");
      await page.getByRole("button", { name: "Register" }).click();
      await expect(page.getByTestId("flash")).toContainText("could not send the confirmation mail");
      await expect(page).toHaveURL(/\/activate\/resend$/);

      await setResendMode("ok");
      await main(page).getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Send the link again" }).click();
      await expect(page.getByTestId("resend-message")).toContainText("a new link is on its way");
      const mail = await waitForMail(email, "Confirm your account");
      await page.goto(linkIn(mail, "/activate/"));
      await page.getByRole("main").getByLabel("Password").fill("a long and unusual passphrase");
      await page.getByRole("button", { name: "Confirm my account" }).click();
      await expect(page.getByTestId("user-menu")).toContainText("Unlucky Timing");
    });
  }
});
