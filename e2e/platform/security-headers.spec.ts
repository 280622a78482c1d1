import { expect, test } from "../support/test";

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
