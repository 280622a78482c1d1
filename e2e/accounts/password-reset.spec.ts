import { expect, linkIn, logout, mailsTo, registerAndActivate, test, uniqueEmail, waitForMail } from "../support/test";

const main = (page: import("@playwright/test").Page) => page.getByRole("main");

test("a mailed link sets a new password, ends every session, clears nothing else and signs nobody in", async ({
  page,
  context,
  browser,
}) => {
  const { email, password, name } = await registerAndActivate(page, "Forgetful Cook");
  const oldCookies = await context.cookies();
  await logout(page);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await main(page).getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByTestId("forgot-message")).toContainText("If an account uses");
  const mail = await waitForMail(email, "Reset your Pantry password");
  expect(mail.text).toContain(`Hello ${name}`);
  const link = linkIn(mail, "/reset-password/");
  expect(link.startsWith("http://localhost:")).toBe(true);

  const hop = await page.request.get(link, { maxRedirects: 0 });
  expect(hop.status()).toBe(303);
  expect(hop.headers()["referrer-policy"]).toBe("no-referrer");

  await page.goto(link);
  await expect(page).toHaveURL(/\/reset-password$/);
  await main(page).getByLabel("New password").fill("password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByTestId("reset-password-error")).toContainText(/too common|at least 8/);
  const newPassword = "a completely new kitchen phrase";
  await main(page).getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByTestId("flash")).toContainText("Password changed — log in");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("user-menu")).toHaveCount(0);

  // The link works once.
  await page.goto(link);
  await expect(page.getByTestId("reset-invalid")).toBeVisible();

  // A session from before the reset is dead, even replayed.
  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/dashboard");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();

  await page.goto("/login");
  await main(page).getByLabel("Email").fill(email);
  await main(page).getByLabel("Password").fill(password);
  await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("login-message")).toHaveText("Wrong email or password.");
  await main(page).getByLabel("Password").fill(newPassword);
  await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("user-menu")).toContainText(name);
});

test("the mailed link's hop answers a relative Location, whatever host the request came in on", async ({ request }) => {
  const hop = await request.get("/reset-password/not-a-real-token", {
    headers: { host: "pantry.example.com", "x-forwarded-proto": "https", "x-forwarded-host": "pantry.example.com" },
    maxRedirects: 0,
  });
  expect(hop.status()).toBe(303);
  expect(hop.headers().location).toBe("/reset-password");
});

test("the request form answers the same for an unknown address, and mails nobody", async ({ page }) => {
  const email = uniqueEmail("ghost");
  await page.goto("/forgot-password");
  await main(page).getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByTestId("forgot-message")).toHaveText(
    `If an account uses ${email}, we sent it a link to choose a new password. The link works for one hour.`,
  );
  await page.waitForTimeout(500);
  expect(await mailsTo(email)).toEqual([]);
});
