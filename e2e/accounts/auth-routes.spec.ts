import { expect, registerAndActivate, test } from "../support/test";
import { E2E } from "../support/ports";

/**
 * Auth.js mounts a REST API under /api/auth/*. Its sign-in callback would check a password
 * without the forms' request ceilings, and its sign-out would clear a cookie without the rest of
 * a logout: the site keeps them closed and signs in and out through its own forms only.
 */
test.describe("Auth.js's own routes", () => {
  const origin = { origin: E2E.appUrl };

  test("the sign-in, sign-out, CSRF and provider routes are closed; the session route stays", async ({ request }) => {
    for (const path of [
      "/api/auth/csrf",
      "/api/auth/providers",
      "/api/auth/signin",
      "/api/auth/signout",
      "/api/auth/callback/credentials",
    ]) {
      expect((await request.get(path)).status(), `GET ${path}`).toBe(404);
    }
    for (const path of [
      "/api/auth/signin/credentials",
      "/api/auth/signout",
      "/api/auth/callback/credentials",
      "/api/auth/callback/activation",
      "/api/auth/session",
    ]) {
      expect((await request.post(path, { headers: origin, form: { csrfToken: "x" } })).status(), `POST ${path}`).toBe(404);
    }
    const session = await request.get("/api/auth/session");
    expect(session.status()).toBe(200);
    expect(await session.json()).toBeNull();
  });

  test("the right password posted to the credentials callback opens no session", async ({ page, playwright }) => {
    const { email, password } = await registerAndActivate(page, "Rest Bypass");
    const client = await playwright.request.newContext({ baseURL: E2E.appUrl });
    try {
      // Exactly what Auth.js's own sign-in page would post, CSRF token included (when it is served).
      const csrf = await client.get("/api/auth/csrf");
      const csrfToken = csrf.ok() ? ((await csrf.json()) as { csrfToken: string }).csrfToken : "";
      for (let i = 0; i < 6; i++) {
        await client.post("/api/auth/callback/credentials", {
          headers: origin,
          form: { email, password: `wrong ${i}`, csrfToken },
          maxRedirects: 0,
        });
      }
      const answer = await client.post("/api/auth/callback/credentials", {
        headers: origin,
        form: { email, password, csrfToken },
        maxRedirects: 0,
      });
      expect(answer.status()).toBe(404);
      const cookies = await client.storageState();
      expect(cookies.cookies.map((cookie) => cookie.name).filter((name) => name.includes("session-token"))).toEqual([]);
      expect(await (await client.get("/api/auth/session")).json()).toBeNull();
    } finally {
      await client.dispose();
    }
  });

  test("a signed-in browser's sign-out post to Auth.js changes nothing; logging out is the form's job", async ({ page, context }) => {
    await registerAndActivate(page, "Rest Signout");
    const answer = await context.request.post("/api/auth/signout", { headers: origin, form: { csrfToken: "x" }, maxRedirects: 0 });
    expect(answer.status()).toBe(404);
    await page.goto("/dashboard");
    await expect(page.getByTestId("user-menu")).toContainText("Hi, Rest Signout");
  });
});
