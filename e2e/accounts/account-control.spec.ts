import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "../platform/axe";
import { expect, expectNoSideScrollOnPhone, linkIn, logout, registerAndActivate, test, uniqueEmail, waitForMail } from "../support/test";

const main = (page: Page) => page.getByRole("main");

async function logIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await main(page).getByLabel("Email").fill(email);
  await main(page).getByLabel("Password").fill(password);
  await main(page).getByRole("button", { name: "Log in" }).click();
}

const LINES = ["2 parsnips", "1 quince", "3 celeriac"];

/** With JavaScript the form offers a field per line; without it, one text area each. */
async function addRecipe(page: Page, title: string, javaScript: boolean) {
  await page.goto("/recipes/new");
  await main(page).getByLabel("Title").fill(title);
  if (javaScript) {
    for (const [index, line] of LINES.entries()) {
      if (index > 0) await page.getByRole("button", { name: "Add ingredient" }).click();
      await page.getByRole("textbox", { name: `Ingredient ${index + 1}` }).fill(line);
    }
    await page.getByRole("textbox", { name: "Step 1" }).fill("Roast it all.");
  } else {
    await main(page).getByLabel("Ingredients").fill(LINES.join("\n"));
    await main(page).getByLabel("Steps").fill("Roast it all.");
  }
  await main(page).getByLabel("Servings").fill("2");
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByTestId("flash")).toContainText("is saved");
}

async function searchFor(page: Page) {
  await page.goto("/");
  await page.getByLabel("Ingredients you have").fill("parsnip, quince, celeriac");
  await page.getByRole("button", { name: "Find recipes" }).click();
}

for (const { javaScript, width } of [
  { javaScript: true, width: 1280 },
  { javaScript: true, width: 360 },
  { javaScript: false, width: 1280 },
  { javaScript: false, width: 360 },
]) {
  test.describe(`${javaScript ? "with" : "without"} JavaScript at ${width} px`, () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width, height: 800 } });

    test("rename, change the address through both mails, undo it, then delete the account", async ({ page }) => {
      const { email, password } = await registerAndActivate(page, "Ada Lovelace");
      const title = `Farewell root roast ${Date.now()}`;
      await addRecipe(page, title, javaScript);

      await page.goto("/account");
      // axe runs as a script in the page: only where the page runs scripts (the markup is the same without).
      if (javaScript) await expectNoSeriousViolations(page);
      if (width === 360) await expectNoSideScrollOnPhone(page);

      // Rename: the header says so at once, without logging out.
      await main(page).getByLabel("Name", { exact: true }).fill("   ");
      await page.getByRole("button", { name: "Save name" }).click();
      await expect(page.getByTestId("account-name-error")).toHaveText("Enter your name.");
      await main(page).getByLabel("Name", { exact: true }).fill("Ada King");
      await page.getByRole("button", { name: "Save name" }).click();
      await expect(page.getByTestId("flash")).toContainText("You are Ada King now.");
      await expect(page.getByTestId("user-menu")).toContainText("Hi, Ada King");

      // Change the address: a wrong password changes and mails nothing.
      const newEmail = uniqueEmail("moved");
      await main(page).getByLabel("New email address").fill(newEmail);
      await page.locator("#account-email-password").fill("not my password");
      await page.getByRole("button", { name: "Send a confirmation link" }).click();
      await expect(page.getByTestId("account-email-password-error")).toHaveText("That is not your current password.");
      await main(page).getByLabel("New email address").fill(newEmail);
      await page.locator("#account-email-password").fill(password);
      await page.getByRole("button", { name: "Send a confirmation link" }).click();
      await expect(page.getByTestId("change-email-message")).toContainText(`We sent a link to ${newEmail}.`);
      await expect(main(page)).toContainText(`Ada King · ${email}`);

      const confirmMail = await waitForMail(newEmail, "Confirm your new address");
      await page.goto(linkIn(confirmMail, "/email/confirm/"));
      await expect(main(page)).toContainText(newEmail);
      await page.getByRole("button", { name: "Use this address" }).click();
      await expect(page.getByTestId("flash")).toContainText(`Your address is now ${newEmail}.`);
      await expect(main(page)).toContainText(`Ada King · ${newEmail}`);

      await logout(page);
      await logIn(page, email, password);
      await expect(page.getByTestId("login-message")).toHaveText("Wrong email or password.");
      await logIn(page, newEmail, password);
      await expect(page.getByTestId("user-menu")).toContainText("Hi, Ada King");

      // The old address was told, with a link that puts it back and signs every device out.
      const changedMail = await waitForMail(email, "Your Pantry address was changed");
      expect(changedMail.text).toContain(newEmail);
      await page.goto(linkIn(changedMail, "/email/restore/"));
      await expect(main(page)).toContainText(email);
      await page.getByRole("button", { name: "Restore my address" }).click();
      await expect(page.getByTestId("flash")).toContainText(`Your address ${email} is back`);
      await expect(page.getByTestId("user-menu")).toHaveCount(0);
      await page.goto(linkIn(changedMail, "/email/restore/"));
      await expect(page.getByTestId("email-link-invalid")).toBeVisible();

      await logIn(page, email, password);
      await expect(page.getByTestId("user-menu")).toContainText("Hi, Ada King");
      await searchFor(page);
      await expect(main(page).getByRole("link", { name: title })).toBeVisible();

      // Delete: the box and the right password, or nothing happens.
      await page.goto("/account");
      await page.locator("#account-delete-password").fill(password);
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expect(page.getByTestId("account-delete-confirm-error")).toHaveText(
        "Tick the box to confirm that everything is deleted for good.",
      );
      await page.locator("#account-delete-password").fill("not my password");
      await main(page).getByLabel("I understand that my account, my recipes and my pantry are deleted for good.").check();
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expect(page.getByTestId("account-delete-password-error")).toHaveText("That is not your current password.");
      await expect(page.getByTestId("delete-account-message")).toHaveText("Nothing was deleted.");
      if (javaScript) await expectNoSeriousViolations(page);

      await page.locator("#account-delete-password").fill(password);
      await main(page).getByLabel("I understand that my account, my recipes and my pantry are deleted for good.").check();
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expect(page.getByTestId("flash")).toContainText("Your account is deleted");
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("user-menu")).toHaveCount(0);
      await waitForMail(email, "Your Pantry account is deleted");

      await logIn(page, email, password);
      await expect(page.getByTestId("login-message")).toHaveText("Wrong email or password.");
      await searchFor(page);
      await expect(main(page).getByRole("link", { name: title })).toHaveCount(0);
    });
  });
}

test("an address that already has an account gets the same answer, and its owner a notice without a link", async ({ page }) => {
  const { email: takenEmail } = await registerAndActivate(page, "Grace Hopper");
  await logout(page);
  const { email, password } = await registerAndActivate(page, "Ada Lovelace");
  await page.goto("/account");
  await main(page).getByLabel("New email address").fill(takenEmail);
  await page.locator("#account-email-password").fill(password);
  await page.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(page.getByTestId("change-email-message")).toHaveText(
    `We sent a link to ${takenEmail}. Open it within 24 hours to confirm your new address; until then you keep logging in with ${email}.`,
  );
  const notice = await waitForMail(takenEmail, "This address already has a Pantry account");
  expect(notice.text).not.toContain("/email/confirm/");
  await expect(main(page)).toContainText(`Ada Lovelace · ${email}`);
});
