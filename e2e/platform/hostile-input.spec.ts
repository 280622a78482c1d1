import http from "node:http";
import type { Page } from "@playwright/test";
import { hostileInputs } from "../../tests/fixtures/hostile-inputs";
import { actionFields, postAction } from "../support/actions";
import { E2E } from "../support/ports";
import { expect, registerAndActivate, test, uniqueEmail } from "../support/test";

// What would show that a payload reached the page as markup instead of text.
const LIVE_MARKUP =
  /<script>window\.__pwned|<img src=x onerror|<svg onload|<body onload|<details open ontoggle|<input autofocus onfocus|<iframe src="javascript/i;

async function expectNoScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}

test.describe("hostile input against every form", () => {
  test.setTimeout(240_000);

  const forms = [
    { path: "/register", field: "name", values: (payload: string) => ({ name: payload, email: payload, password: payload }) },
    { path: "/forgot-password", field: "email", values: (payload: string) => ({ email: payload }) },
    { path: "/activate/resend", field: "email", values: (payload: string) => ({ email: payload }) },
  ];

  for (const form of forms) {
    test(`${form.path}: ${hostileInputs.length} hostile posts, no 5xx, nothing rendered as markup`, async ({ request }) => {
      const hidden = await actionFields(request, form.path, form.field);
      for (const payload of hostileInputs) {
        const response = await postAction(request, form.path, hidden, form.values(payload));
        expect(response.status(), JSON.stringify(payload.slice(0, 60))).toBeLessThan(500);
        expect(await response.text()).not.toMatch(LIVE_MARKUP);
      }
    });
  }

  test("/login: hostile posts get the generic answer and never a 5xx", async ({ request }) => {
    const hidden = await actionFields(request, "/login", "callbackUrl");
    for (const payload of hostileInputs.filter((_, index) => index % 5 === 0)) {
      const response = await postAction(request, "/login", hidden, { email: payload, password: payload, callbackUrl: payload });
      expect(response.status()).toBeLessThan(500);
      const body = await response.text();
      expect(body).not.toMatch(LIVE_MARKUP);
      expect(body).toMatch(/Wrong email or password|Enter your email and password|Too many failed attempts|Please correct/);
    }
  });

  test("recipes: hostile text is stored as text and no script ever runs where it is shown", async ({ page }) => {
    await registerAndActivate(page, "Hostile Author");
    const hidden = await actionFields(page.request, "/recipes/new", "title");
    const base = {
      title: "Soup",
      summary: "",
      ingredients: "1 onion",
      steps: "Cook.",
      servings: "2",
      prepMinutes: "5",
      cookMinutes: "10",
    };
    let saved = 0;
    const fields = ["title", "summary", "ingredients", "steps", "servings", "cookMinutes"] as const;
    // Every payload once, each in one field in turn (all payloads in all fields run in the vitest suite).
    for (const [index, payload] of hostileInputs.entries()) {
      const field = fields[index % fields.length]!;
      const response = await postAction(page.request, "/recipes/new", hidden, { ...base, [field]: payload });
      expect(response.status(), `${field}: ${JSON.stringify(payload.slice(0, 60))}`).toBeLessThan(500);
      if (response.status() === 303) saved++;
      else expect(await response.text()).not.toMatch(LIVE_MARKUP);
    }
    expect(saved).toBeGreaterThan(80);

    await page.goto("/dashboard");
    await expect(page.getByTestId("dashboard-row").first()).toBeVisible();
    await expectNoScriptRan(page);
    const links = await page
      .getByTestId("dashboard-row")
      .getByRole("link")
      .evaluateAll((anchors) =>
        anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname).filter((path) => /^\/recipes\/\d+$/.test(path)),
      );
    for (const path of links.slice(0, 40)) {
      await page.goto(path);
      await expectNoScriptRan(page);
    }
    for (const payload of hostileInputs.filter((value) => value.length < 500).slice(0, 40)) {
      await page.goto(`/?ingredients=${encodeURIComponent(payload)}`);
      await expectNoScriptRan(page);
    }
  });
});

test.describe("malformed, forged and replayed posts", () => {
  test("missing fields, files for text and broken UTF-8 get a message, not an error", async ({ request }) => {
    const hidden = await actionFields(request, "/register", "name");
    const missing = await postAction(request, "/register", hidden, {});
    expect(missing.status()).toBeLessThan(500);
    expect(await missing.text()).toContain("Enter your name.");

    const withFile = await request.post("/register", {
      multipart: {
        ...hidden,
        name: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("Ada") },
        email: "ada@example.com",
        password: "long enough phrase",
      },
      headers: { origin: E2E.appUrl },
      maxRedirects: 0,
    });
    expect(withFile.status()).toBeLessThan(500);
    expect(await withFile.text()).toContain("Enter your name.");

    const boundary = "----pantryBoundary";
    const parts = Object.entries({ ...hidden, email: "x@example.com", password: "long enough phrase" }).map(([key, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`),
    );
    const broken = Buffer.concat([
      ...parts,
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n`),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const invalidUtf8 = await request.post("/register", {
      data: broken,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: E2E.appUrl },
      maxRedirects: 0,
    });
    expect(invalidUtf8.status()).toBeLessThan(500);
  });

  test("an action id that does not exist is refused without a 5xx", async ({ request }) => {
    const response = await postAction(request, "/register", { $ACTION_ID_00000000000000000000000000000000000000ff: "" }, { name: "x" });
    expect(response.status()).toBeLessThan(500);
  });

  test("a post from another site's page is refused and changes nothing", async ({ request }) => {
    const hidden = await actionFields(request, "/register", "name");
    const email = uniqueEmail("csrf");
    const response = await request.post("/register", {
      multipart: { ...hidden, name: "Forged", email, password: "long enough phrase" },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("sent from another site");
    const check = await fetch(`${E2E.resendUrl}/__mails?to=${encodeURIComponent(email)}`);
    expect(await check.json()).toEqual([]);
  });

  test("a replayed registration post makes no second account and gives the same answer", async ({ request }) => {
    const hidden = await actionFields(request, "/register", "name");
    const email = uniqueEmail("replay");
    const fields = { name: "Replayed", email, password: "long enough phrase here" };
    const first = await postAction(request, "/register", hidden, fields);
    const second = await postAction(request, "/register", hidden, { ...fields, email: email.toUpperCase() });
    expect(first.status()).toBe(303);
    expect(second.status()).toBe(303);
    expect(second.headers().location).toBe(first.headers().location);
    const mails = (await (await fetch(`${E2E.resendUrl}/__mails?to=${encodeURIComponent(email)}`)).json()) as {
      subject: string;
      text: string;
      html: string;
    }[];
    expect(mails.map((mail) => mail.subject)).toEqual(["Confirm your account", "Confirm your account"]);
    // The address is not confirmed: its mail carries nothing the registrant typed.
    expect(mails.some((mail) => mail.text.includes("Replayed") || mail.html.includes("Replayed"))).toBe(false);
  });
});

/** A post with a chunked body (no Content-Length), which Playwright's request API does not send. */
function postChunked(path: string, size: number, headers: Record<string, string> = {}): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${E2E.appUrl}${path}`,
      { method: "POST", headers: { origin: E2E.appUrl, "content-type": "text/plain", "transfer-encoding": "chunked", ...headers } },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode!, location: response.headers.location }));
      },
    );
    request.on("error", reject);
    for (let sent = 0; sent < size; sent += 64 * 1024) request.write("a".repeat(Math.min(64 * 1024, size - sent)));
    request.end();
  });
}

test.describe("posts the middleware refuses before Next reads them", () => {
  test("a page post without an Origin header is refused like a cross-site one; route handlers under /api/ take it", async ({ request }) => {
    const hidden = await actionFields(request, "/register", "name");
    const email = uniqueEmail("no-origin");
    const response = await request.post("/register", {
      multipart: { ...hidden, name: "Originless", email, password: "long enough phrase" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("sent from another site");
    expect(await (await fetch(`${E2E.resendUrl}/__mails?to=${encodeURIComponent(email)}`)).json()).toEqual([]);

    const action = await request.post("/login", { headers: { "next-action": "0".repeat(42) }, data: "[]" });
    expect(action.status()).toBe(403);

    // A route handler answers for itself: here the closed Auth.js sign-out says 404, not the middleware 403.
    const signout = await request.post("/api/auth/signout", { maxRedirects: 0 });
    expect(signout.status()).toBe(404);
  });

  test("a post over 1 MB gets a 413 that says so: text for a server action call, a page for a form", async ({ request }) => {
    const hidden = await actionFields(request, "/register", "name");
    const big = "a".repeat(1_100_000);

    const form = await postAction(request, "/register", hidden, { name: big, email: "big@example.com", password: "long enough phrase" });
    expect(form.status()).toBe(413);
    expect(form.headers()["content-type"]).toBe("text/html; charset=utf-8");
    expect(form.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const page = await form.text();
    expect(page).toContain("That was too much to send");
    expect(page).toContain('href="/register"');

    const actionId = JSON.parse(Object.entries(hidden).find(([key]) => /^\$ACTION_\d+:0$/.test(key))![1]) as { id: string };
    const call = await request.post("/register", {
      multipart: { "1_name": big, 0: '["$K1"]' },
      headers: { origin: E2E.appUrl, "next-action": actionId.id },
      maxRedirects: 0,
    });
    expect(call.status()).toBe(413);
    // Exactly text/plain: Next's client then shows the body as the error's message.
    expect(call.headers()["content-type"]).toBe("text/plain");
    expect(await call.text()).toBe(
      "The form sent more than 1 MB, more than this site accepts. Shorten what you entered and send it again.",
    );

    // A chunked body has no Content-Length: it is counted, over the limit and under it, on an open
    // page and on a protected one (where Auth.js reads the request again).
    const streamed = await postChunked("/register", 1_100_000, { "next-action": actionId.id });
    expect(streamed.status).toBe(413);
    const smallStream = await postChunked("/recipes/new", 1000);
    expect([smallStream.status, smallStream.location]).toEqual([307, "/login?callbackUrl=%2Frecipes%2Fnew"]);

    // Just under the limit the form is answered as usual (here: with its own field errors).
    const under = await postAction(request, "/register", hidden, { name: "a".repeat(1_000_000), email: "x", password: "y" });
    expect(under.status()).toBe(200);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false, expectedConsoleErrors: [/^HTTP 413 POST \/register$/] });

    test("a form over 1 MB shows a page that says so, with a way back to the form", async ({ page }) => {
      await page.goto("/register");
      await page.getByRole("main").getByLabel("Name").fill("a".repeat(1_100_000));
      await page.getByRole("main").getByLabel("Email", { exact: true }).fill(uniqueEmail("big"));
      await page.getByRole("main").getByLabel("Password", { exact: true }).fill("a long and unusual passphrase");
      await page.getByRole("button", { name: "Register" }).click();
      await expect(page.getByRole("heading", { name: "That was too much to send" })).toBeVisible();
      await page.getByRole("link", { name: "Back to the form" }).click();
      await expect(page).toHaveURL(/\/register$/);
    });
  });
});
