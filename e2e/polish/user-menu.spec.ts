import type { Page } from "@playwright/test";
import { expect, registerAndActivate, test } from "../support/test";

const menu = (page: Page) => page.getByTestId("user-menu");
const menuItem = (page: Page, name: string) => menu(page).getByRole("link", { name });

async function openMenu(page: Page) {
  await menu(page).getByText(/^Hi, /).click();
  await expect(menuItem(page, "Account")).toBeVisible();
}

for (const width of [390, 1280]) {
  test.describe(`the user menu at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("closes after choosing an item, on a click outside, on Escape and on navigation", async ({ page }) => {
      await registerAndActivate(page, "Menu Closer");

      // Choosing an item: the menu no longer covers the page it opened.
      await openMenu(page);
      await menuItem(page, "Dashboard").click();
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(menuItem(page, "Account")).toBeHidden();
      await expect(page.getByRole("heading", { level: 1, name: "Your recipes" })).toBeVisible();
      await expect(page.getByRole("main").getByRole("link", { name: "Add recipe" })).toBeVisible();

      // A click outside.
      await openMenu(page);
      await page.getByRole("heading", { level: 1 }).click();
      await expect(menuItem(page, "Account")).toBeHidden();

      // Escape, and the focus goes back to the menu's button.
      await openMenu(page);
      await page.keyboard.press("Escape");
      await expect(menuItem(page, "Account")).toBeHidden();
      await expect(menu(page).locator("summary")).toBeFocused();

      // Any navigation, here the browser's Back button.
      await openMenu(page);
      await page.goBack();
      await expect(page).not.toHaveURL(/\/dashboard$/);
      await expect(menuItem(page, "Account")).toBeHidden();
    });

    test("opens and closes from the keyboard", async ({ page }) => {
      await registerAndActivate(page, "Key Board");
      const summary = menu(page).locator("summary");
      await summary.focus();
      await page.keyboard.press("Enter");
      await expect(menuItem(page, "My pantry")).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(menuItem(page, "My pantry")).toBeHidden();
    });
  });
}

test.describe("the user menu without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });

  test("opens, leads to its pages and is closed on the page it leads to", async ({ page }) => {
    await registerAndActivate(page, "No Script Menu");
    await openMenu(page);
    await menuItem(page, "My pantry").click();
    await expect(page).toHaveURL(/\/pantry$/);
    await expect(menuItem(page, "Account")).toBeHidden();
    await openMenu(page);
    await menu(page)
      .getByRole("button", { name: /^Log ?out$/ })
      .click();
    await expect(page.getByTestId("flash")).toContainText("logged out");
  });
});
