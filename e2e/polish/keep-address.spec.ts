import type { Page } from "@playwright/test";
import { expect, linkIn, logout, registerAndActivate, setResendMode, test, uniqueEmail, waitForMail } from "../support/test";

const main = (page: Page) => page.getByRole("main");
const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the address just typed is kept ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    test.use({ javaScriptEnabled });
    test.afterEach(async () => setResendMode("ok"));

    test("after a wrong password in the header login, never the password", async ({ page }) => {
      const { email } = await registerAndActivate(page, "Keep Login");
      await logout(page);
      await nav(page).getByPlaceholder("Email").fill(email);
      await nav(page).getByPlaceholder("Password").fill("not the right password");
      await nav(page)
        .getByRole("button", { name: /^Log ?in$/ })
        .click();
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByTestId("flash")).toContainText("Wrong email or password.");
      await expect(main(page).getByLabel("Email")).toHaveValue(email);
      await expect(main(page).getByLabel("Password")).toHaveValue("");
      // The login page's form is the only one there: the header offers a link instead.
      await expect(nav(page).getByPlaceholder("Password")).toHaveCount(0);
      // Once: a later visit to the login page starts empty.
      await page.goto("/register");
      await page.goto("/login");
      await expect(main(page).getByLabel("Email")).toHaveValue("");
    });

    test("after a password reset, on the login page it leads to", async ({ page }) => {
      const { email } = await registerAndActivate(page, "Keep Reset");
      await logout(page);
      await page.goto("/forgot-password");
      await main(page).getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Send me a reset link" }).click();
      await expect(page.getByTestId("forgot-message")).toContainText(`If an account uses ${email}`);
      await page.goto(linkIn(await waitForMail(email, /password/i), "/reset-password/"));
      await main(page).getByLabel("New password").fill("another long and unusual passphrase");
      await page.getByRole("button", { name: "Set new password" }).click();
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByTestId("flash")).toContainText("Password changed");
      await expect(main(page).getByLabel("Email")).toHaveValue(email);
      await expect(main(page).getByLabel("Password")).toHaveValue("");
    });

    test("after asking for a reset link", async ({ page }) => {
      const email = uniqueEmail("reset");
      await page.goto("/forgot-password");
      await main(page).getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Send me a reset link" }).click();
      await expect(page.getByTestId("forgot-message")).toContainText(`If an account uses ${email}`);
      await expect(main(page).getByLabel("Email")).toHaveValue(email);
    });

    test("after the confirmation mail could not be sent", async ({ page }) => {
      await setResendMode("error");
      const email = uniqueEmail("unsent");
      await page.goto("/register");
      await main(page).getByLabel("Name").fill("Unsent Mail");
      await main(page).getByLabel("Email", { exact: true }).fill(email);
      await main(page).getByLabel("Password", { exact: true }).fill("a long and unusual passphrase");
      await page.getByRole("button", { name: "Register" }).click();
      await expect(page.getByTestId("flash")).toContainText("could not send the confirmation mail");
      await expect(page).toHaveURL(/\/activate\/resend$/);
      await expect(main(page).getByLabel("Email")).toHaveValue(email);
      // Asking again keeps it too.
      await page.getByRole("button", { name: "Send the link again" }).click();
      await expect(page.getByTestId("resend-message")).toContainText("a new link is on its way");
      await expect(main(page).getByLabel("Email")).toHaveValue(email);
    });
  });
}
