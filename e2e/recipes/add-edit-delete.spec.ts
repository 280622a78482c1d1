import type { Page } from "@playwright/test";
import { expect, logout, registerAndActivate, test } from "../support/test";

const main = (page: Page) => page.getByRole("main");

async function addRecipe(page: Page, title: string, ingredients: string[], steps: string[]) {
  await page.goto("/recipes/new");
  await main(page).getByLabel("Title").fill(title);
  await main(page).getByLabel("Summary").fill("A test recipe.");
  for (const [index, line] of ingredients.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add ingredient" }).click();
    await page.getByRole("textbox", { name: `Ingredient ${index + 1}` }).fill(line);
  }
  for (const [index, line] of steps.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add step" }).click();
    await page.getByRole("textbox", { name: `Step ${index + 1}` }).fill(line);
  }
  await main(page).getByLabel("Servings").fill("4");
  await main(page).getByLabel("Preparation (minutes)").fill("10");
  await main(page).getByLabel("Cooking (minutes)").fill("25");
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByTestId("flash")).toContainText(`“${title}” is saved.`);
  return Number(new URL(page.url()).pathname.split("/").at(-1));
}

test.describe("recipes with JavaScript", () => {
  test("add a recipe, find it in the dashboard and by one of its ingredients, edit it, delete it", async ({ page }) => {
    await registerAndActivate(page, "Recipe Author");
    const title = `Quince crumble ${Date.now()}`;
    await addRecipe(
      page,
      title,
      ["4 ripe Quinces, peeled", "100 g butter", "150 g oats"],
      ["Bake the quinces.", "Top with the crumble and bake again."],
    );
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("by Recipe Author")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "4 ripe Quinces, peeled" })).toBeVisible();

    await page.goto("/dashboard");
    const row = page.getByTestId("dashboard-row").filter({ hasText: title });
    await expect(row).toContainText("3");

    await page.goto("/");
    await page.getByLabel("Ingredients you have").fill("quince");
    await page.getByLabel("Ingredients you have").press("Enter");
    await expect(page.getByTestId("ingredient-chip")).toHaveText(["quince×"]);
    await page.getByRole("button", { name: "Find recipes" }).click();
    await expect(page).toHaveURL(/ingredients=quince/);
    const result = page.getByTestId("search-result").filter({ hasText: title });
    await expect(result).toContainText("uses 1 of yours · needs 2 more");

    await result.getByRole("link", { name: title }).click();
    await page.getByRole("link", { name: "Edit" }).click();
    await main(page).getByLabel("Title").fill(`${title} (v2)`);
    await page.getByRole("button", { name: "Remove ingredient 3" }).click();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("flash")).toContainText("is updated");
    await expect(page.getByRole("heading", { level: 1, name: `${title} (v2)` })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "150 g oats" })).toHaveCount(0);

    await page.getByRole("link", { name: "Delete" }).click();
    await page.getByRole("button", { name: "Delete recipe" }).click();
    await expect(page.getByTestId("flash")).toContainText("The recipe is deleted.");
    await expect(page.getByTestId("dashboard-row").filter({ hasText: title })).toHaveCount(0);
    await expect(page.getByText("You have not added a recipe yet.")).toBeVisible();
  });

  test("the form explains bad input next to each field and saves nothing", async ({ page }) => {
    await registerAndActivate(page, "Careless Cook");
    await page.goto("/recipes/new");
    await main(page).getByLabel("Servings").fill("0");
    // Leaving the field shows its message (three lines in a narrow column) before the click, which
    // would otherwise move the button between the press and the release.
    await main(page).getByLabel("Servings").blur();
    await expect(page.getByTestId("recipe-servings-error")).toContainText("whole number from 1 to 100");
    await page.getByRole("button", { name: "Save recipe" }).click();
    await expect(page.getByTestId("recipe-title-error")).toHaveText("Give the recipe a title.");
    await expect(page.getByTestId("recipe-ingredients-error")).toHaveText("Add at least 1 ingredient.");
    await expect(page.getByTestId("recipe-servings-error")).toContainText("whole number from 1 to 100");
    await page.goto("/dashboard");
    await expect(page.getByText("You have not added a recipe yet.")).toBeVisible();
  });

  test("the CSP allows images from this site only: no other host can watch a recipe's visitors", async ({ page }) => {
    const csp = (await page.request.get("/")).headers()["content-security-policy"]!;
    expect(csp).toContain("img-src 'self' data: blob:;");
  });

  test("someone else's recipe has no edit controls and its edit page is not found", async ({ page, browser }) => {
    await registerAndActivate(page, "First Owner");
    const id = await addRecipe(page, `Owned dish ${Date.now()}`, ["2 eggs"], ["Boil."]);
    await logout(page);

    const other = await browser.newPage();
    await registerAndActivate(other, "Second Person");
    await other.goto(`/recipes/${id}`);
    await expect(other.getByRole("link", { name: "Edit" })).toHaveCount(0);
    const response = await other.goto(`/recipes/${id}/edit`);
    expect(response?.status()).toBe(404);
    await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await other.close();
  });

  test.describe(() => {
    test.use({ expectedConsoleErrors: [/^HTTP 404 GET \/recipes\//] });
    test("an unknown or malformed recipe id is a 404 page", async ({ page }) => {
      for (const path of ["/recipes/999999", "/recipes/abc", "/recipes/1e3", "/recipes/-1", "/recipes/99999999999999999999"]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      }
    });
  });
});

test.describe("recipes without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("add, edit and delete work with plain form posts, and a forged delete of someone else's recipe changes nothing", async ({
    page,
    browser,
  }) => {
    await registerAndActivate(page, "No Script Cook");
    await page.goto("/recipes/new");
    const title = `Plain soup ${Date.now()}`;
    await main(page).getByLabel("Title").fill(title);
    await main(page).getByLabel("Ingredients").fill("1 leek\n2 potatoes\n1 litre stock");
    await main(page).getByLabel("Steps").fill("Chop.\nSimmer.\nBlend.");
    await main(page).getByLabel("Servings").fill("3");
    await page.getByRole("button", { name: "Save recipe" }).click();
    await expect(page.getByTestId("flash")).toContainText("is saved");
    const victimId = new URL(page.url()).pathname.split("/").at(-1)!;
    await expect(page.getByRole("listitem").filter({ hasText: "2 potatoes" })).toBeVisible();
    await logout(page);

    // Another person forges the delete form of their own recipe to name this one.
    const attacker = await browser.newPage({ javaScriptEnabled: false });
    await registerAndActivate(attacker, "Forger");
    await attacker.goto("/recipes/new");
    await main(attacker).getByLabel("Title").fill("Decoy");
    await main(attacker).getByLabel("Ingredients").fill("1 egg");
    await main(attacker).getByLabel("Steps").fill("Boil.");
    await main(attacker).getByLabel("Servings").fill("1");
    await attacker.getByRole("button", { name: "Save recipe" }).click();
    const decoyId = new URL(attacker.url()).pathname.split("/").at(-1)!;
    await attacker.goto(`/recipes/${decoyId}/delete`);
    await attacker.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), victimId);
    await attacker.getByRole("button", { name: "Delete recipe" }).click();
    await expect(attacker.getByTestId("flash")).toContainText("not yours to delete");
    await attacker.close();

    const response = await page.goto(`/recipes/${victimId}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  });
});
