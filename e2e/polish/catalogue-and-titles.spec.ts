import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "../platform/axe";
import { expect, registerAndActivate, test } from "../support/test";

const main = (page: Page) => page.getByRole("main");
const description = (page: Page) => page.locator('meta[name="description"]');

test("the catalogue's oven temperatures read with a degree sign", async ({ page }) => {
  await page.goto("/?ingredients=banana");
  await page.getByTestId("search-result").filter({ hasText: "Easy Banana Bread" }).getByRole("link", { name: "Easy Banana Bread" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Easy Banana Bread" })).toBeVisible();
  await expect(main(page).getByText("Heat the oven to 175 °C and grease and line a loaf tin.")).toBeVisible();
  await expect(main(page)).not.toContainText(/\d C\b/);
});

test.describe("the home page's title says what it lists", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`for the plain home page, an ingredient search, a name and filters, ${javaScriptEnabled ? "with" : "without"} JavaScript`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      try {
        await page.goto("/");
        await expect(page).toHaveTitle("Pantry — recipes from what you have");
        await expect(description(page)).toHaveAttribute("content", "Type the ingredients you have and find recipes that use them.");

        await page.goto("/?ingredients=chicken,+rice");
        await expect(page).toHaveTitle("Recipes with chicken and rice · Pantry");
        await expect(description(page)).toHaveAttribute("content", /that use chicken and rice/);

        await page.goto("/?ingredients=aloo+gobi");
        await expect(page).toHaveTitle("Recipes called “aloo gobi” · Pantry");

        await page.goto("/?ingredients=chicken&without=peanuts,milk&diet=gluten-free");
        await expect(page).toHaveTitle("Gluten-free recipes with chicken, without peanut or milk · Pantry");
        await expect(description(page)).toHaveAttribute("content", /without peanut or milk/);

        await page.goto("/?diet=vegetarian&page=2");
        await expect(page).toHaveTitle("Vegetarian recipes (page 2) · Pantry");
      } finally {
        await context.close();
      }
    });
  }

  test("the search form's own search gets its title too", async ({ page }) => {
    // Typed after hydration: text typed before it would be replaced by the combobox's own state.
    await page.goto("/", { waitUntil: "networkidle" });
    await page.getByLabel("Ingredients you have").fill("leek");
    await page.getByLabel("Ingredients you have").press("Enter");
    await expect(page).toHaveURL(/ingredients=leek/);
    await expect(page).toHaveTitle("Recipes with leek · Pantry");
  });
});

for (const width of [390, 1280]) {
  test.describe(`a recipe without a summary at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("its card among the newest recipes says what goes in it", async ({ page }) => {
      await registerAndActivate(page, "Terse Cook");
      const title = `Plain lentils ${Date.now()}`;
      await page.goto("/recipes/new");
      await main(page).getByLabel("Title").fill(title);
      await page.getByRole("textbox", { name: "Ingredient 1" }).fill("200 g red lentils");
      await main(page).getByRole("button", { name: "Add ingredient" }).click();
      await page.getByRole("textbox", { name: "Ingredient 2" }).fill("1 onion");
      await page.getByRole("textbox", { name: "Step 1" }).fill("Simmer until soft.");
      await main(page).getByLabel("Servings").fill("2");
      await page.getByRole("button", { name: "Save recipe" }).click();
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

      await page.goto("/");
      const card = page.getByTestId("search-result").filter({ hasText: title });
      await expect(card).toContainText(/With .*lentil.*onion|With .*onion.*lentil/);
      await expectNoSeriousViolations(page);
    });
  });
}
