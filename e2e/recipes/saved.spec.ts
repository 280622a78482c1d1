import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "../platform/axe";
import { actionFields, postAction } from "../support/actions";
import { expect, expectNoSideScrollOnPhone, registerAndActivate, test } from "../support/test";

const saveButton = (page: Page) => page.getByTestId("save-recipe");

/** A catalogue recipe found by a search, opened from its card: its id, title and the URL with the search. */
async function openCatalogueRecipe(page: Page): Promise<{ id: number; title: string; url: string }> {
  await page.goto("/?ingredients=chicken");
  const link = page.getByTestId("search-result").first().getByRole("link");
  const title = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const url = new URL(page.url());
  return { id: Number(url.pathname.split("/").at(-1)), title, url: `${url.pathname}${url.search}` };
}

async function openSavedFromMenu(page: Page) {
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByTestId("user-menu").getByRole("link", { name: "Saved" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saved recipes" })).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`saved recipes ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test("save a recipe, find it under Saved, unsave it, on a desktop and a phone", async ({ page }) => {
      await registerAndActivate(page, javaScriptEnabled ? "Saving Cook" : "Plain Saver");
      await openSavedFromMenu(page);
      await expect(page.getByTestId("saved-empty")).toBeVisible();
      await expect(page.getByRole("link", { name: "Find a recipe by what you have" })).toHaveAttribute("href", "/");
      if (javaScriptEnabled) await expectNoSeriousViolations(page);

      const recipe = await openCatalogueRecipe(page);
      await expect(saveButton(page)).toHaveAttribute("aria-pressed", "false");
      await expect(saveButton(page)).toHaveText("☆Save");
      await saveButton(page).click();
      await expect(saveButton(page)).toHaveAttribute("aria-pressed", "true");
      await expect(saveButton(page)).toHaveText("★Saved");
      // Back on the same recipe, its search kept.
      await expect(page).toHaveURL(recipe.url);
      await page.reload();
      await expect(saveButton(page)).toHaveAttribute("aria-pressed", "true");
      await expect(page.getByTestId("ingredient-mark").first()).toBeVisible();
      if (javaScriptEnabled) await expectNoSeriousViolations(page);

      await openSavedFromMenu(page);
      await expect(page.getByTestId("saved-row")).toHaveCount(1);
      await expect(page.getByTestId("saved-row")).toContainText(recipe.title);
      if (javaScriptEnabled) await expectNoSeriousViolations(page);
      await expectNoSideScrollOnPhone(page);
      await page.setViewportSize({ width: 360, height: 740 });
      if (javaScriptEnabled) await expectNoSeriousViolations(page);

      await page.getByTestId("saved-row").getByRole("link", { name: recipe.title }).click();
      await expect(page).toHaveURL(`/recipes/${recipe.id}`);
      await expect(saveButton(page)).toHaveAttribute("aria-pressed", "true");
      await saveButton(page).click();
      await expect(saveButton(page)).toHaveAttribute("aria-pressed", "false");
      await expectNoSideScrollOnPhone(page);
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.goto("/saved");
      await expect(page.getByTestId("saved-empty")).toBeVisible();
    });
  });
}

test.describe("saved recipes against a forged post", () => {
  test.use({ javaScriptEnabled: false });

  test("a post never answers a server error, never leads off the recipe, and saves only a recipe that exists", async ({ page }) => {
    await registerAndActivate(page, "Forging Saver");
    const recipe = await openCatalogueRecipe(page);
    const hidden = Object.fromEntries(
      Object.entries(await actionFields(page.request, recipe.url, "intent")).filter(
        ([key]) => !["recipeId", "intent", "returnTo"].includes(key),
      ),
    );
    const post = (fields: Record<string, string>) => postAction(page.request, recipe.url, hidden, fields);

    for (const returnTo of ["//evil.example/x", "https://evil.example/", "/recipes/1/../../dashboard", "/saved", "/\\evil.example"]) {
      const response = await post({ recipeId: String(recipe.id), intent: "save", returnTo });
      expect(response.status(), returnTo).toBe(303);
      expect(response.headers().location, returnTo).toBe(`/recipes/${recipe.id}`);
    }
    const forged: Record<string, string>[] = [
      { recipeId: "abc", intent: "save" },
      { recipeId: "99999999", intent: "save" },
      { recipeId: String(recipe.id), intent: "delete" },
      {},
    ];
    for (const fields of forged) {
      const response = await post(fields);
      expect(response.status(), JSON.stringify(fields)).toBeLessThan(500);
    }
    await page.goto("/saved");
    await expect(page.getByTestId("saved-row")).toHaveCount(1);
    await expect(page.getByTestId("saved-row")).toContainText(recipe.title);
  });
});

test.describe("saved recipes for a visitor", () => {
  test("the Saved page sends a visitor to log in", async ({ page }) => {
    await page.goto("/saved");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsaved$/);
  });

  test("Log in to save returns to the recipe, its search kept, ready to save", async ({ page, browser }) => {
    // An account made in another browser, so this one is still a visitor.
    const other = await browser.newPage();
    const { email, password } = await registerAndActivate(other, "Returning Saver");
    await other.close();

    const recipe = await openCatalogueRecipe(page);
    await expect(saveButton(page)).toHaveCount(0);
    const login = page.getByRole("link", { name: "Log in to save" });
    expect(await login.getAttribute("href")).toBe(`/login?callbackUrl=${encodeURIComponent(recipe.url)}`);
    await expectNoSeriousViolations(page);
    await login.click();
    await page.getByRole("main").getByLabel("Email").fill(email);
    await page.getByRole("main").getByLabel("Password").fill(password);
    await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(recipe.url);
    await saveButton(page).click();
    await expect(saveButton(page)).toHaveAttribute("aria-pressed", "true");
    await page.goto("/saved");
    await expect(page.getByTestId("saved-row")).toContainText(recipe.title);
  });
});
