import { expect, linkIn, logout, mailsTo, registerThroughForm, test, uniqueEmail, waitForMail } from "../support/test";

test.describe("accounts with JavaScript", () => {
  test("an address registered first by someone else is confirmed with the password of the registration whose link is used", async ({
    page,
    browser,
  }) => {
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
      await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
    };
    await logIn(attackerPassword);
    await expect(page.getByTestId("login-message")).toHaveText("Wrong email or password.");
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
    await logIn(victimPassword);
    await expect(page.getByTestId("flash")).toContainText("Welcome back, Victoria!");
    await expect(page.getByTestId("user-menu")).toContainText("Hi, Victoria");
  });

  test("a registration made after the owner's cannot be confirmed by her: the newest link asks for its own password", async ({
    page,
    browser,
  }) => {
    const email = uniqueEmail("owner");
    await registerThroughForm(page, { name: "Olive", email, password: "the owner's real passphrase" });
    const attacker = await (await browser.newContext()).newPage();
    await registerThroughForm(attacker, {
      name: "URGENT: verify at https://evil.example",
      email,
      password: "the attacker's own passphrase",
    });
    await attacker.context().close();
    await expect.poll(async () => (await mailsTo(email)).length).toBe(2);
    const newest = (await mailsTo(email)).at(-1)!;
    expect(newest.text).not.toContain("evil.example");

    await page.goto(linkIn(newest, "/activate/"));
    await expect(page.getByRole("main")).not.toContainText("evil.example");
    await page.getByRole("main").getByLabel("Password").fill("the owner's real passphrase");
    await page.getByRole("button", { name: "Confirm my account" }).click();
    await expect(page.getByTestId("activate-password-error")).toHaveText(
      "That is not the password chosen when this address was registered.",
    );
    await expect(page.getByTestId("activate-message")).toContainText("someone else did: do not confirm it");
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
  });

  test("a used activation link of a confirmed account says so and offers to log in", async ({ page }) => {
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
    await expect(page.getByTestId("activation-confirmed")).toBeVisible();
    await expect(page.getByTestId("activation-invalid")).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: "Log in" })).toBeVisible();
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
    await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("login-message")).toContainText("not confirmed yet");
    await expect(page.getByRole("link", { name: "Send the confirmation link again" })).toBeVisible();
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
  });
});
