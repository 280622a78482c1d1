import { expect, logout, registerAndActivate, test } from "./support/test";

test("a visitor asking for a protected page is sent to login, and back to it after", async ({ page }) => {
  const { email, password } = await registerAndActivate(page, "Returning Cook");
  await logout(page);

  await page.goto("/recipes/new");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Frecipes%2Fnew$/);
  await page.getByRole("main").getByLabel("Email").fill(email);
  await page.getByRole("main").getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/recipes\/new$/);
  await expect(page.getByRole("heading", { name: "Add a recipe" })).toBeVisible();
});

test("a visitor asking for the dashboard is sent to login, and back to the dashboard after", async ({ page }) => {
  const { email, password } = await registerAndActivate(page, "Dashboard Visitor");
  await logout(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
  await page.getByRole("main").getByLabel("Email").fill(email);
  await page.getByRole("main").getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Your recipes" })).toBeVisible();
});
