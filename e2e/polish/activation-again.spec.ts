import { expect, linkIn, mailsTo, registerThroughForm, test, uniqueEmail, waitForMail } from "../support/test";

test("an activation link opened again after the account is confirmed says so and offers to log in", async ({ page, browser }) => {
  const email = uniqueEmail("again");
  const password = "a long and unusual passphrase";
  await registerThroughForm(page, { name: "Twice Opened", email, password });
  const link = linkIn(await waitForMail(email, "Confirm your account"), "/activate/");
  await page.goto(link);
  await page.getByRole("main").getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Confirm my account" }).click();
  await expect(page.getByTestId("user-menu")).toContainText("Hi, Twice Opened");

  // Later, in another browser with nobody signed in (the mail opened on a phone, say).
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Your account is already confirmed");
  await expect(other.getByTestId("activation-invalid")).toHaveCount(0);
  await other.getByRole("main").getByRole("link", { name: "Log in" }).click();
  await expect(other).toHaveURL(/\/login$/);
  await other.context().close();
});

test("a link that was never ours still does not work, and says nothing about any account", async ({ page }) => {
  await page.goto(`/activate/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
  await expect(page.getByTestId("activation-invalid")).toBeVisible();
});

test("a link replaced by a newer one still does not work while the account waits for confirmation", async ({ page }) => {
  const email = uniqueEmail("replaced");
  await registerThroughForm(page, { name: "Replaced Link", email, password: "a long and unusual passphrase" });
  const first = linkIn(await waitForMail(email, "Confirm your account"), "/activate/");
  await page.goto("/activate/resend");
  await page.getByRole("main").getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByTestId("resend-message")).toContainText("a new link is on its way");
  await expect.poll(async () => (await mailsTo(email)).length).toBe(2);
  await page.goto(first);
  await expect(page.getByTestId("activation-invalid")).toBeVisible();
});
