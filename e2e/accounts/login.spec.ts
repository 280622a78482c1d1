import { expect, linkIn, logout, mailsTo, registerAndActivate, registerThroughForm, test, uniqueEmail, waitForMail } from "../support/test";
import { E2E } from "../support/ports";

test.describe("accounts with JavaScript", () => {
  test("register, confirm from the mail, log out, log in from the navigation bar", async ({ page }) => {
    const { email, password, name } = await registerAndActivate(page, "Grace Hopper");
    const menu = page.getByTestId("user-menu");
    await expect(menu).toContainText(`Hi, ${name}`);

    await menu.locator("summary").click();
    await menu.getByRole("button", { name: "Logout" }).click();
    await expect(page.getByTestId("flash")).toContainText("logged out");
    await expect(page.getByTestId("user-menu")).toHaveCount(0);

    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByPlaceholder("Email").fill(email.toUpperCase());
    await nav.getByPlaceholder("Password").fill(password);
    await nav.getByRole("button", { name: "Login" }).click();
    await expect(page.getByTestId("flash")).toContainText(`Welcome back, ${name}!`);
    await expect(page.getByTestId("user-menu")).toContainText(`Hi, ${name}`);
  });

  test("shows field errors as the person types, without sending the form", async ({ page }) => {
    await page.goto("/register");
    await page.getByRole("main").getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByRole("main").getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByTestId("register-name-error")).toHaveText("Enter your name.");
    await expect(page.getByTestId("register-email-error")).toContainText("valid email");
    await expect(page.getByTestId("register-password-error")).toHaveText("Use at least 8 characters.");
    await expect(page.getByRole("main").getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/register$/);
  });

  test("a common password is refused by the server, next to the field, keeping the other values", async ({ page }) => {
    await page.goto("/register");
    await page.getByRole("main").getByLabel("Name").fill("Common");
    await page.getByRole("main").getByLabel("Email", { exact: true }).fill(uniqueEmail());
    await page.getByRole("main").getByLabel("Password", { exact: true }).fill("iloveyou123");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByTestId("register-password-error")).toContainText("too common");
    await expect(page.getByRole("main").getByLabel("Name")).toHaveValue("Common");
  });

  test("an address that already has an account gets the same answer, and its owner a mail", async ({ page }) => {
    const { email, name } = await registerAndActivate(page, "Existing Owner");
    await logout(page);

    await page.goto("/register");
    await page.getByRole("main").getByLabel("Name").fill("Someone Else");
    await page.getByRole("main").getByLabel("Email", { exact: true }).fill(email.toUpperCase());
    await page.getByRole("main").getByLabel("Password", { exact: true }).fill("yet another long passphrase");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByTestId("flash")).toContainText(`Check your inbox: we sent a mail to ${email} to confirm your address.`);
    const mail = await waitForMail(email, "You already have a Pantry account");
    expect(mail.text).toContain(`Hello ${name}`);
  });

  test("an address registered first by someone else is confirmed with the password of the registration whose link is used", async ({ page, browser }) => {
    const email = uniqueEmail("victim");
    const attackerPassword = "the attacker's own passphrase";
    const victimPassword = "the victim's real passphrase";
    const registerAs = (who: typeof page, name: string, password: string) => registerThroughForm(who, { name, email, password });

    const attacker = await (await browser.newContext()).newPage();
    await registerAs(attacker, "Mallory", attackerPassword);
    await registerAs(page, "Victoria", victimPassword);
    await expect.poll(async () => (await mailsTo(email)).length).toBe(2);
    const [attackerMail, victimMail] = await mailsTo(email);

    // The earlier registration's link stopped working when the later registration was made.
    await attacker.goto(linkIn(attackerMail!, "/activate/"));
    await expect(attacker.getByTestId("activation-invalid")).toBeVisible();
    await attacker.context().close();

    await page.goto(linkIn(victimMail!, "/activate/"));
    await page.getByRole("main").getByLabel("Password").fill(victimPassword);
    await page.getByRole("button", { name: "Confirm my account" }).click();
    await expect(page.getByTestId("flash")).toContainText("Welcome, Victoria!");
    await logout(page);

    const logIn = async (password: string) => {
      await page.goto("/login");
      await page.getByRole("main").getByLabel("Email").fill(email);
      await page.getByRole("main").getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Log in" }).click();
    };
    await logIn(attackerPassword);
    await expect(page.getByTestId("login-message")).toHaveText("Wrong email or password.");
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
    await logIn(victimPassword);
    await expect(page.getByTestId("flash")).toContainText("Welcome back, Victoria!");
    await expect(page.getByTestId("user-menu")).toContainText("Hi, Victoria");
  });

  test("a registration made after the owner's cannot be confirmed by her: the newest link asks for its own password", async ({ page, browser }) => {
    const email = uniqueEmail("owner");
    await registerThroughForm(page, { name: "Olive", email, password: "the owner's real passphrase" });
    const attacker = await (await browser.newContext()).newPage();
    await registerThroughForm(attacker, { name: "URGENT: verify at https://evil.example", email, password: "the attacker's own passphrase" });
    await attacker.context().close();
    await expect.poll(async () => (await mailsTo(email)).length).toBe(2);
    const newest = (await mailsTo(email)).at(-1)!;
    expect(newest.text).not.toContain("evil.example");

    await page.goto(linkIn(newest, "/activate/"));
    await expect(page.getByRole("main")).not.toContainText("evil.example");
    await page.getByRole("main").getByLabel("Password").fill("the owner's real passphrase");
    await page.getByRole("button", { name: "Confirm my account" }).click();
    await expect(page.getByTestId("activate-password-error")).toHaveText("That is not the password chosen when this address was registered.");
    await expect(page.getByTestId("activate-message")).toContainText("someone else did: do not confirm it");
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
  });

  test("a used activation link shows a clear page with a form for a new one", async ({ page }) => {
    const email = uniqueEmail();
    await page.goto("/register");
    await page.getByRole("main").getByLabel("Name").fill("Twice");
    await page.getByRole("main").getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("main").getByLabel("Password", { exact: true }).fill("a long and unusual passphrase");
    await page.getByRole("button", { name: "Register" }).click();
    const link = linkIn(await waitForMail(email, "Confirm your account"), "/activate/");
    await page.goto(link);
    await page.getByRole("main").getByLabel("Password").fill("a long and unusual passphrase");
    await page.getByRole("button", { name: "Confirm my account" }).click();
    await expect(page.getByTestId("user-menu")).toContainText("Hi, Twice");

    await page.goto(link);
    await expect(page.getByTestId("activation-invalid")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send the link again" })).toBeVisible();
  });

  test("an inactive account cannot log in and is offered a new link", async ({ page }) => {
    const email = uniqueEmail();
    await page.goto("/register");
    await page.getByRole("main").getByLabel("Name").fill("Not Yet");
    await page.getByRole("main").getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("main").getByLabel("Password", { exact: true }).fill("a long and unusual passphrase");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByTestId("flash")).toContainText("Check your inbox");

    await page.goto("/login");
    await page.getByRole("main").getByLabel("Email").fill(email);
    await page.getByRole("main").getByLabel("Password").fill("a long and unusual passphrase");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("login-message")).toContainText("not confirmed yet");
    await expect(page.getByRole("link", { name: "Send the confirmation link again" })).toBeVisible();
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
  });

  test("wrong password and unknown address get one and the same message", async ({ page }) => {
    const { email } = await registerAndActivate(page, "Same Message");
    await logout(page);
    for (const [address, password] of [
      [email, "not the right password"],
      [uniqueEmail("nobody"), "not the right password"],
    ] as const) {
      await page.goto("/login");
      await page.getByRole("main").getByLabel("Email").fill(address);
      await page.getByRole("main").getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByTestId("login-message")).toHaveText("Wrong email or password.");
    }
  });

  test("a flash message shows once after a redirect and not after a reload", async ({ page }) => {
    await registerAndActivate(page, "Flash Reader");
    await expect(page.getByTestId("flash")).toHaveCount(1);
    await expect(page.getByRole("status").filter({ hasText: "Welcome, Flash Reader!" })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("user-menu")).toBeVisible();
    await expect(page.getByTestId("flash")).toHaveCount(0);
  });

  test("a flash message can be dismissed", async ({ page }) => {
    await registerAndActivate(page, "Dismisser");
    await page.getByRole("button", { name: "Dismiss message" }).click();
    await expect(page.getByTestId("flash")).toHaveCount(0);
  });
});

test("a session cookie copied before logout opens nothing afterwards", async ({ page, context, browser }) => {
  await registerAndActivate(page, "Cookie Owner");
  const copied = await context.cookies();
  expect(copied.some((cookie) => cookie.name.endsWith("authjs.session-token"))).toBe(true);
  await logout(page);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
  await expect(stolen.getByTestId("user-menu")).toHaveCount(0);
  await thief.close();
});

test.describe("accounts without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the whole journey works with plain form posts", async ({ page }) => {
    const { email, password, name } = await registerAndActivate(page, "Plain Forms");
    await expect(page.getByTestId("user-menu")).toContainText(`Hi, ${name}`);
    // The flash came with the page; a reload does not bring it back.
    await page.reload();
    await expect(page.getByTestId("flash")).toHaveCount(0);

    await logout(page);
    await expect(page.getByTestId("flash")).toContainText("logged out");

    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByPlaceholder("Email").fill(email);
    await nav.getByPlaceholder("Password").fill(password);
    await nav.getByRole("button", { name: "Login" }).click();
    await expect(page.getByTestId("user-menu")).toContainText(`Hi, ${name}`);
  });

  test("the server reports bad input next to each field and keeps what was typed", async ({ page }) => {
    await page.goto("/register");
    await page.getByRole("main").getByLabel("Name").fill("  ");
    await page.getByRole("main").getByLabel("Email", { exact: true }).fill("nobody@");
    await page.getByRole("main").getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByTestId("register-name-error")).toHaveText("Enter your name.");
    await expect(page.getByTestId("register-email-error")).toContainText("valid email");
    await expect(page.getByTestId("register-password-error")).toHaveText("Use at least 8 characters.");
    await expect(page.getByRole("main").getByLabel("Email", { exact: true })).toHaveValue("nobody@");
    await expect(page.getByRole("main").getByLabel("Password", { exact: true })).toHaveValue("");
  });

  test("an empty login from the navigation bar says what is missing", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Login" }).click();
    await expect(page.getByTestId("flash")).toHaveText(/Enter your email and password/);
  });
});

test.describe("https enforcement (the Heroku rule)", () => {
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
      expect([forged.status(), forged.headers().location], JSON.stringify(headers)).toEqual([301, "https://pantry-demo.herokuapp.com/register?from=ad"]);
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

  test("a local http site (https not configured) serves plain-http requests", async ({ request }) => {
    const response = await request.get("/register", { headers: { "x-forwarded-proto": "http" }, maxRedirects: 0 });
    expect(response.status()).toBe(200);
  });
});
