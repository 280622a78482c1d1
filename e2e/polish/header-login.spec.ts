import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "../platform/axe";
import { expect, registerAndActivate, logout, test } from "../support/test";

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const navForm = (page: Page) => nav(page).getByRole("form", { name: "Log in" });
const navLink = (page: Page) => nav(page).getByRole("link", { name: "Log in", exact: true });

const ACCOUNT_PAGES = ["/login", "/register", "/forgot-password", `/reset-password/${"A".repeat(43)}`, `/activate/${"A".repeat(43)}`];

for (const javaScriptEnabled of [true, false]) {
  const js = javaScriptEnabled ? "with" : "without";

  test.describe(`the logged-out header on a wide screen, ${js} JavaScript`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });

    test("carries the login form on other pages, and only a Log in link on the account pages", async ({ page }) => {
      await page.goto("/");
      await expect(navForm(page)).toBeVisible();
      await expect(navLink(page)).toBeHidden();

      for (const path of ACCOUNT_PAGES) {
        await page.goto(path);
        await expect(navLink(page), path).toBeVisible();
        await expect(navForm(page), path).toHaveCount(0);
        await expect(nav(page).getByPlaceholder("Password"), path).toHaveCount(0);
      }
      // One login form on the login page: the page's own.
      await page.goto("/login");
      await expect(page.getByLabel("Password", { exact: true })).toHaveCount(1);
      // axe runs as a script in the page.
      if (javaScriptEnabled) await expectNoSeriousViolations(page);
    });
  });

  test.describe(`the logged-out header on a phone, ${js} JavaScript`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 390, height: 800 } });

    test("shows a Log in link instead of the form, in one short row, and the link leads to a working login", async ({ page }) => {
      const { email, password, name } = await registerAndActivate(page, "Phone Header");
      await logout(page);
      await page.goto("/");
      await expect(navLink(page)).toBeVisible();
      await expect(navForm(page)).toBeHidden();
      await expect(nav(page).getByPlaceholder("Email")).toBeHidden();
      // Logo, Home, Register and Log in fit in one row: the content starts right below it.
      const header = await page.getByRole("banner").boundingBox();
      expect(header!.height).toBeLessThan(72);
      if (javaScriptEnabled) await expectNoSeriousViolations(page);

      await navLink(page).click();
      await expect(page).toHaveURL(/\/login$/);
      await page.getByRole("main").getByLabel("Email").fill(email);
      await page.getByRole("main").getByLabel("Password").fill(password);
      await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
      await expect(page.getByTestId("user-menu")).toContainText(`Hi, ${name}`);
    });
  });
}

test.describe("the logged-out header follows a navigation in the page", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the form gives way to the link on the way to an account page, and comes back after it", async ({ page }) => {
    await page.goto("/");
    await expect(navForm(page)).toBeVisible();
    await nav(page).getByRole("link", { name: "Register" }).click();
    await expect(page).toHaveURL(/\/register$/);
    await expect(navForm(page)).toHaveCount(0);
    await expect(navLink(page)).toBeVisible();
    await nav(page).getByRole("link", { name: "Home" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(navForm(page)).toBeVisible();
  });
});
