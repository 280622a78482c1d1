import type { Page } from "@playwright/test";
import { actionFields, postAction } from "../support/actions";
import { expectNoSeriousViolations } from "../platform/axe";
import { expect, expectNoSideScrollOnPhone, registerAndActivate, test } from "../support/test";

const main = (page: Page) => page.getByRole("main");
const aisle = (page: Page, name: string) => page.getByTestId("pantry-aisle").filter({ has: page.getByRole("heading", { name }) });

async function addToPantry(page: Page, text: string) {
  await main(page).getByLabel("Add ingredients").fill(text);
  await page.getByRole("button", { name: "Add to pantry" }).click();
}

/** The pantry's names, aisle by aisle, as the page lists them. */
async function expectPantry(page: Page, groups: [string, string[]][]) {
  await expect(page.getByTestId("pantry-aisle").getByRole("heading")).toHaveText(groups.map(([heading]) => heading));
  for (const [heading, names] of groups) await expect(aisle(page, heading).getByTestId("pantry-item-name")).toHaveText(names);
}

async function expectSearchLink(page: Page, names: string[]) {
  const href = await page.getByRole("link", { name: "Search with my pantry" }).getAttribute("href");
  const url = new URL(href!, "http://pantry.test");
  expect(url.pathname).toBe("/");
  expect(url.searchParams.get("ingredients")).toBe(names.join(", "));
}

const RECIPE_LINES = ["2 chicken thighs", "a handful of arugula", "200 g shrimp", "1 lemon"];

async function checkRecipePage(page: Page, recipeId: string) {
  await page.goto(`/recipes/${recipeId}`);
  await expect(page.getByTestId("pantry-coverage")).toHaveText("You have 2 of 4 ingredients in your pantry.");
  // The tick is for the eye (aria-hidden); a screen reader hears "You have this".
  await expect(page.getByTestId("ingredient-covered")).toHaveText(["✓You have this: 2 chicken thighs", "✓You have this: 200 g shrimp"], {
    useInnerText: false,
  });
  await expect(page.getByRole("listitem").filter({ hasText: "1 lemon" })).not.toContainText("You have this");
}

test.describe("my pantry with JavaScript", () => {
  test("add by any name, see it by aisle, remove one, search with it, and see what a recipe needs", async ({ page }) => {
    await registerAndActivate(page, "Pantry Keeper");
    await page.goto("/recipes/new");
    await main(page).getByLabel("Title").fill(`Pantry supper ${Date.now()}`);
    for (const [index, line] of RECIPE_LINES.entries()) {
      if (index > 0) await page.getByRole("button", { name: "Add ingredient" }).click();
      await page.getByRole("textbox", { name: `Ingredient ${index + 1}` }).fill(line);
    }
    await page.getByRole("textbox", { name: "Step 1" }).fill("Cook it all.");
    await main(page).getByLabel("Servings").fill("2");
    await page.getByRole("button", { name: "Save recipe" }).click();
    await expect(page.getByTestId("flash")).toContainText("is saved");
    const recipeId = new URL(page.url()).pathname.split("/").at(-1)!;
    // Nothing is said about a pantry that is empty.
    await expect(page.getByTestId("pantry-coverage")).toHaveCount(0);

    await page.getByTestId("user-menu").locator("summary").click();
    await page.getByTestId("user-menu").getByRole("link", { name: "My pantry" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My pantry" })).toBeVisible();
    await expect(page.getByTestId("pantry-empty")).toBeVisible();
    await expect(page.getByRole("link", { name: "Search with my pantry" })).toHaveCount(0);
    await expectNoSeriousViolations(page);

    // Checked in the browser with the action's schema: nothing is posted.
    await page.getByRole("button", { name: "Add to pantry" }).click();
    await expect(page.getByTestId("pantry-ingredients-error")).toHaveText("Type one or more ingredients, separated by commas.");

    await addToPantry(page, "chicken thighs, arugula, Prawns");
    await expect(page.getByTestId("flash")).toContainText("Added to your pantry: “chicken thigh”, “rocket”, “prawn”.");
    await expectPantry(page, [
      ["Fruit and vegetables", ["rocket"]],
      ["Meat", ["chicken thigh"]],
      ["Fish and seafood", ["prawn"]],
    ]);
    await expect(main(page).getByLabel("Add ingredients")).toHaveValue("");
    await expectNoSeriousViolations(page);
    await expectNoSideScrollOnPhone(page);

    await addToPantry(page, "shrimp, 2 lemons");
    await expect(page.getByTestId("flash")).toContainText("Added to your pantry: “lemon”. Already there: “prawn”.");
    await expect(page.getByTestId("pantry-item")).toHaveCount(4);

    await page.getByRole("button", { name: "Remove lemon" }).click();
    await expect(page.getByTestId("flash")).toContainText("Removed “lemon” from your pantry.");
    await page.getByRole("button", { name: "Remove rocket" }).click();
    await expect(page.getByTestId("flash")).toContainText("Removed “rocket” from your pantry.");
    await expectPantry(page, [
      ["Meat", ["chicken thigh"]],
      ["Fish and seafood", ["prawn"]],
    ]);
    await expectSearchLink(page, ["chicken thigh", "prawn"]);
    await page.getByRole("link", { name: "Search with my pantry" }).click();
    await expect(page).toHaveURL(/\/\?ingredients=chicken\+thigh%2C\+prawn$/);
    // The home page offers the same search in one click, and its results use what the pantry has.
    await page.goto("/");
    await page.getByTestId("pantry-search-link").click();
    await expect(page).toHaveURL(/\/\?ingredients=chicken\+thigh%2C\+prawn$/);
    await expect(page.getByTestId("search-result").first()).toContainText("You have:");

    await checkRecipePage(page, recipeId);
    await expectNoSeriousViolations(page);
  });

  test("a name that is not food is refused next to the field, and nothing changes", async ({ page }) => {
    await registerAndActivate(page, "Number Typist");
    await page.goto("/pantry");
    await addToPantry(page, "2, 3");
    await expect(page.getByTestId("pantry-ingredients-error")).toHaveText(
      "No ingredient in that: type names, like “chicken thighs, rocket”.",
    );
    await expect(page.getByTestId("pantry-add-message")).toHaveText("Nothing was added.");
    await expect(page.getByTestId("pantry-empty")).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

test.describe("my pantry without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("add, remove, search link and recipe coverage work with plain form posts", async ({ page }) => {
    await registerAndActivate(page, "Plain Pantry");
    await page.goto("/recipes/new");
    await main(page).getByLabel("Title").fill(`Plain pantry supper ${Date.now()}`);
    await main(page).getByLabel("Ingredients").fill(RECIPE_LINES.join("\n"));
    await main(page).getByLabel("Steps").fill("Cook it all.");
    await main(page).getByLabel("Servings").fill("2");
    await page.getByRole("button", { name: "Save recipe" }).click();
    await expect(page.getByTestId("flash")).toContainText("is saved");
    const recipeId = new URL(page.url()).pathname.split("/").at(-1)!;

    await page.goto("/pantry");
    await page.getByRole("button", { name: "Add to pantry" }).click();
    await expect(page.getByTestId("pantry-ingredients-error")).toHaveText("Type one or more ingredients, separated by commas.");

    await addToPantry(page, "chicken thighs, arugula, Prawns");
    await expect(page.getByTestId("flash")).toContainText("Added to your pantry: “chicken thigh”, “rocket”, “prawn”.");
    await expectPantry(page, [
      ["Fruit and vegetables", ["rocket"]],
      ["Meat", ["chicken thigh"]],
      ["Fish and seafood", ["prawn"]],
    ]);
    await expectSearchLink(page, ["rocket", "chicken thigh", "prawn"]);

    await page.getByRole("button", { name: "Remove rocket" }).click();
    await expect(page.getByTestId("flash")).toContainText("Removed “rocket” from your pantry.");
    await expectSearchLink(page, ["chicken thigh", "prawn"]);

    // A Remove form edited to name something that is not in this pantry changes nothing.
    await page
      .locator('input[name="name"]')
      .first()
      .evaluate((input) => ((input as HTMLInputElement).value = "saffron"));
    await page.getByRole("button", { name: "Remove chicken thigh" }).click();
    await expect(page.getByTestId("flash")).toContainText("That ingredient is not in your pantry.");
    await page
      .locator('input[name="name"]')
      .first()
      .evaluate((input) => ((input as HTMLInputElement).value = " "));
    await page.getByRole("button", { name: "Remove chicken thigh" }).click();
    await expect(page.getByTestId("flash")).toContainText("Choose an ingredient to remove.");
    await expect(page.getByTestId("pantry-item")).toHaveCount(2);

    await checkRecipePage(page, recipeId);
  });

  test("whatever is posted, the answer is never a server error and another person's pantry is untouched", async ({ page, browser }) => {
    await registerAndActivate(page, "Pantry Owner");
    await page.goto("/pantry");
    await addToPantry(page, "saffron, rocket");
    await expect(page.getByTestId("pantry-item")).toHaveCount(2);

    const other = await browser.newPage({ javaScriptEnabled: false });
    await registerAndActivate(other, "Pantry Forger");
    await other.goto("/pantry");
    await addToPantry(other, "rocket");
    await expect(other.getByTestId("pantry-item")).toHaveCount(1);
    const add = await actionFields(other.request, "/pantry", "ingredients");
    // The Remove form's own name field is left out, so each post names only what the test gives.
    const remove = Object.fromEntries(
      Object.entries(await actionFields(other.request, "/pantry", "name")).filter(([key]) => key !== "name"),
    );
    const adds: Record<string, string>[] = [
      { ingredients: "x".repeat(5_000) },
      { ingredients: "a".repeat(101) },
      { ingredients: "\u0000\ud800, ;;" },
      {},
      { ingredients: "2, 3", extra: "field" },
    ];
    for (const fields of adds) {
      const response = await postAction(other.request, "/pantry", add, fields);
      expect(response.status(), JSON.stringify(fields).slice(0, 60)).toBeLessThan(500);
    }
    const removes: Record<string, string>[] = [{ name: "saffron" }, { name: "" }, {}, { name: "x".repeat(5_000) }, { name: "rocket" }];
    for (const fields of removes) {
      const response = await postAction(other.request, "/pantry", remove, fields);
      expect(response.status(), JSON.stringify(fields).slice(0, 60)).toBeLessThan(500);
    }
    await other.goto("/pantry");
    await expect(other.getByTestId("pantry-empty")).toBeVisible();
    await other.close();

    await page.goto("/pantry");
    await expect(page.getByTestId("pantry-item-name")).toHaveText(["rocket", "saffron"]);
  });

  test("a visitor asking for the pantry is sent to log in", async ({ page }) => {
    await page.goto("/pantry");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpantry$/);
  });
});
