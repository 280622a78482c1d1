import type { Page } from "@playwright/test";
import { expect, registerAndActivate, test } from "../support/test";

const main = (page: Page) => page.getByRole("main");
const PASSWORD_HINT = "At least 8 characters. A long phrase you can remember works well.";

test("the header says Log in and Log out, and every new password gets the same hint", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("button", { name: "Log in", exact: true })).toBeVisible();
  await page.goto("/register");
  await expect(nav.getByRole("link", { name: "Log in", exact: true })).toBeVisible();
  await expect(main(page).getByText(PASSWORD_HINT)).toBeVisible();

  await registerAndActivate(page, "Copy Reader");
  await page.goto("/account");
  await expect(main(page).getByText(PASSWORD_HINT)).toBeVisible();
  await page.getByTestId("user-menu").locator("summary").click();
  await expect(page.getByTestId("user-menu").getByRole("button", { name: "Log out", exact: true })).toBeVisible();
});

test("a recipe with no cooking time does not say “Cooking 0 min”", async ({ page }) => {
  await registerAndActivate(page, "Raw Food");
  await page.goto("/recipes/new");
  const title = `Tomato salad ${Date.now()}`;
  await main(page).getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "Ingredient 1" }).fill("4 tomatoes");
  await page.getByRole("textbox", { name: "Step 1" }).fill("Slice and season.");
  await main(page).getByLabel("Servings").fill("2");
  await main(page).getByLabel("Preparation (minutes)").fill("10");
  await main(page).getByLabel("Cooking (minutes)").fill("0");
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(main(page).getByText("Preparation", { exact: true })).toBeVisible();
  await expect(main(page).getByText("Cooking", { exact: true })).toHaveCount(0);
});
