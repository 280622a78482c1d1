import { expect, test } from "../support/test";

test("pages answer GET, HEAD and POST; anything else is a 405 naming those, TRACE included", async ({ request }) => {
  for (const [method, path] of [
    ["TRACE", "/"],
    ["TRACE", "/login"],
    ["TRACE", "/api/health"],
    ["PUT", "/login"],
    ["DELETE", "/recipes/1"],
    ["PATCH", "/"],
  ] as const) {
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
