import { E2E } from "../support/ports";
import { expect, test } from "../support/test";

test("a plain-http request through the proxy is sent to https on the same host and path", async ({ request }) => {
  await expect(async () => {
    const response = await request.get(`${E2E.httpsUrl}/register?from=ad`, {
      headers: { "x-forwarded-proto": "http", host: "pantry-demo.herokuapp.com" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(301);
    expect(response.headers().location).toBe("https://pantry-demo.herokuapp.com/register?from=ad");
  }).toPass({ timeout: 60_000 });

  // A Host or X-Forwarded-Host the client made up changes nothing: the target is APP_URL's host,
  // so no cache in front can be taught a redirect to another site.
  const forgeries: Record<string, string>[] = [
    { "x-forwarded-proto": "http", host: "pantry-demo.herokuapp.com", "x-forwarded-host": "evil.example" },
    { "x-forwarded-proto": "http", host: "evil.example" },
    { "x-forwarded-proto": "http", host: "pantry-demo.herokuapp.com", "x-forwarded-host": "evil.example, pantry-demo.herokuapp.com" },
  ];
  for (const headers of forgeries) {
    const forged = await request.get(`${E2E.httpsUrl}/register?from=ad`, { headers, maxRedirects: 0 });
    expect([forged.status(), forged.headers().location], JSON.stringify(headers)).toEqual([
      301,
      "https://pantry-demo.herokuapp.com/register?from=ad",
    ]);
  }

  // The login redirect of a protected page names the configured site as well.
  const login = await request.get(`${E2E.httpsUrl}/dashboard`, {
    headers: { "x-forwarded-proto": "https", host: "pantry-demo.herokuapp.com", "x-forwarded-host": "evil.example" },
    maxRedirects: 0,
  });
  expect(login.status()).toBe(307);
  expect(login.headers().location).toBe("https://pantry-demo.herokuapp.com/login?callbackUrl=%2Fdashboard");

  const secure = await request.get(`${E2E.httpsUrl}/register`, {
    headers: { "x-forwarded-proto": "https", host: "pantry-demo.herokuapp.com" },
    maxRedirects: 0,
  });
  expect(secure.status()).toBe(200);
});

test("the health check answers a plain-http probe inside the platform, without a redirect", async ({ request }) => {
  await expect(async () => {
    const response = await request.get(`${E2E.httpsUrl}/api/health`, {
      headers: { "x-forwarded-proto": "http", host: "pantry-demo.herokuapp.com" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ db: "ok" });
  }).toPass({ timeout: 60_000 });
  // Only the health check: a page next to it is still moved to https.
  const page = await request.get(`${E2E.httpsUrl}/api/health-and-more`, {
    headers: { "x-forwarded-proto": "http", host: "pantry-demo.herokuapp.com" },
    maxRedirects: 0,
  });
  expect(page.status()).toBe(301);
});

test("a local http site (https not configured) serves plain-http requests", async ({ request }) => {
  const response = await request.get("/register", { headers: { "x-forwarded-proto": "http" }, maxRedirects: 0 });
  expect(response.status()).toBe(200);
});
