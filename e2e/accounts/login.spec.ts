import { expect, logout, registerAndActivate, test, uniqueEmail } from "../support/test";

test.describe("accounts with JavaScript", () => {
  test("register, confirm from the mail, log out, log in from the navigation bar", async ({ page }) => {
    const { email, password, name } = await registerAndActivate(page, "Grace Hopper");
    const menu = page.getByTestId("user-menu");
    await expect(menu).toContainText(`Hi, ${name}`);

    await menu.locator("summary").click();
    await menu.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByTestId("flash")).toContainText("logged out");
    await expect(page.getByTestId("user-menu")).toHaveCount(0);

    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByPlaceholder("Email").fill(email.toUpperCase());
    await nav.getByPlaceholder("Password").fill(password);
    await nav.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("flash")).toContainText(`Welcome back, ${name}!`);
    await expect(page.getByTestId("user-menu")).toContainText(`Hi, ${name}`);
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
      await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
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
    await nav.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("user-menu")).toContainText(`Hi, ${name}`);
  });

  test("an empty login from the navigation bar says what is missing", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("flash")).toHaveText(/Enter your email and password/);
  });
});
