import { expect, logout, registerAndActivate, test } from "../support/test";

const main = (page: import("@playwright/test").Page) => page.getByRole("main");

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

test("changing the password logs out the other devices and keeps this one", async ({ page, browser }) => {
  const { email, password } = await registerAndActivate(page, "Two Devices");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/login");
  await otherPage.getByRole("main").getByLabel("Email").fill(email);
  await otherPage.getByRole("main").getByLabel("Password").fill(password);
  await otherPage.getByRole("main").getByRole("button", { name: "Log in" }).click();
  await expect(otherPage.getByTestId("user-menu")).toBeVisible();

  await page.goto("/account");
  // The address change and the deletion ask for the current password too.
  const passwordSection = page.getByRole("region", { name: "Change your password" });
  await passwordSection.getByLabel("Current password").fill("not it at all");
  await passwordSection.getByLabel("New password").fill("another fine passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("account-current-password-error")).toHaveText("That is not your current password.");

  await passwordSection.getByLabel("Current password").fill(password);
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
    await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
    await expect(page.getByTestId("login-message")).toHaveText("Wrong email or password.");
  }
  await main(page).getByLabel("Password").fill(password);
  await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("login-message")).toContainText("Too many failed attempts for this account");
  await expect(page.getByRole("link", { name: "Reset your password" })).toBeVisible();
  await expect(page.getByTestId("user-menu")).toHaveCount(0);
});
