import { expect, logout, registerAndActivate, test } from "../support/test";

test("a visitor asking for a protected page is sent to login, and back to it after", async ({ page }) => {
  const { email, password } = await registerAndActivate(page, "Returning Cook");
  await logout(page);

  await page.goto("/recipes/new");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Frecipes%2Fnew$/);
  await page.getByRole("main").getByLabel("Email").fill(email);
  await page.getByRole("main").getByLabel("Password").fill(password);
  await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
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
  await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Your recipes" })).toBeVisible();
});

test("a callback address that only becomes //host once its dots are resolved keeps the person on this site", async ({ page }) => {
  const { email, password } = await registerAndActivate(page, "Careful Traveller");
  const here = new URL(page.url()).origin;

  // Signed in, the login page sends the person straight on to the callback.
  for (const callback of ["/.//evil.example", "/%2e//evil.example", "/..//evil.example", "/a/..//evil.example"]) {
    const hop = await page.request.get(`/login?callbackUrl=${encodeURIComponent(callback)}`, { maxRedirects: 0 });
    expect([hop.status(), hop.headers().location], callback).toEqual([307, "/"]);
    await page.goto(`/login?callbackUrl=${callback}`);
    await expect(page).toHaveURL(`${here}/`);
  }

  // Logging in with such a callback ends on this site too.
  await logout(page);
  await page.goto("/login?callbackUrl=/.//evil.example/path");
  await page.getByRole("main").getByLabel("Email").fill(email);
  await page.getByRole("main").getByLabel("Password").fill(password);
  await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
  expect(new URL(page.url()).origin).toBe(here);
});
