import { expect, logout, registerAndActivate, test, uniqueEmail, waitForMail } from "../support/test";

test.describe("accounts with JavaScript", () => {
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
});

test.describe("accounts without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

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
});
