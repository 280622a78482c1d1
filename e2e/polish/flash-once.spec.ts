import type { Page } from "@playwright/test";
import { expect, logout, registerAndActivate, test } from "../support/test";

const main = (page: Page) => page.getByRole("main");
const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
/** The messages' own words, without their dismiss buttons. */
const flashes = (page: Page) => page.getByTestId("flash").locator("p");

async function failNavLogin(page: Page, email: string) {
  await page.goto("/");
  await nav(page).getByPlaceholder("Email").fill(email);
  await nav(page).getByPlaceholder("Password").fill("not the right password");
  await nav(page)
    .getByRole("button", { name: /Log ?in/ })
    .click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(flashes(page)).toHaveText(["Wrong email or password."]);
}

async function addRecipe(page: Page, title: string) {
  await page.goto("/recipes/new");
  await main(page).getByLabel("Title").fill(title);
  // One input per line with JavaScript, a textarea without.
  await page.getByRole("textbox", { name: "Ingredient 1" }).or(main(page).getByLabel("Ingredients")).fill("3 ripe bananas");
  await page.getByRole("textbox", { name: "Step 1" }).or(main(page).getByLabel("Steps")).fill("Mash and bake.");
  await main(page).getByLabel("Servings").fill("4");
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(flashes(page)).toHaveText([`“${title}” is saved.`]);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a flash shows once, on its own page, ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test("a failed header login's message stays on the login page", async ({ page }) => {
      await failNavLogin(page, "nobody-flash@example.com");

      await main(page).getByRole("link", { name: "Forgot your password?" }).click();
      await expect(page).toHaveURL(/\/forgot-password$/);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId("flash")).toHaveCount(0);

      await main(page).getByLabel("Email").fill("nobody-flash@example.com");
      await main(page).getByRole("button").click();
      await expect(main(page)).toContainText("we sent it a link");
      await expect(page.getByText("Wrong email or password.")).toHaveCount(0);

      await nav(page).getByRole("link", { name: "Home" }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("flash")).toHaveCount(0);

      // Back on the page it was meant for, it does not come back either.
      await page.goto("/login");
      await expect(page.getByTestId("flash")).toHaveCount(0);
    });

    test("a recipe's saved or updated message does not follow to other pages", async ({ page }) => {
      await registerAndActivate(page, "Flash Follower");
      await addRecipe(page, `Banana bread ${Date.now()}`);
      const lemony = `Lemony rice ${Date.now()}`;
      await addRecipe(page, lemony);

      await main(page).getByRole("link", { name: "Delete" }).click();
      await expect(page).toHaveURL(/\/delete$/);
      await expect(page.getByRole("button", { name: "Delete recipe" })).toBeVisible();
      await expect(page.getByTestId("flash")).toHaveCount(0);

      await page.goBack();
      await main(page).getByRole("link", { name: "Edit" }).click();
      await main(page).getByLabel("Title").fill(`${lemony} (v2)`);
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(flashes(page)).toHaveText([`“${lemony} (v2)” is updated.`]);

      await page.goto("/dashboard");
      await expect(page.getByTestId("dashboard-row")).toHaveCount(2);
      await expect(page.getByTestId("flash")).toHaveCount(0);
      await main(page)
        .getByRole("link", { name: /^Banana bread/ })
        .click();
      await expect(page.getByRole("heading", { level: 1, name: /^Banana bread/ })).toBeVisible();
      await expect(page.getByTestId("flash")).toHaveCount(0);

      await logout(page);
      await nav(page).getByRole("link", { name: "Register" }).click();
      await expect(page).toHaveURL(/\/register$/);
      await expect(page.getByTestId("flash")).toHaveCount(0);
    });

    test("a message after a post that returns to the same page shows there only", async ({ page }) => {
      await registerAndActivate(page, "Pantry Flasher");
      await page.goto("/pantry");
      await main(page).getByLabel("Add ingredients").fill("rice");
      await main(page).getByRole("button", { name: "Add to pantry" }).click();
      await expect(flashes(page)).toHaveText([/rice/]);
      await nav(page).getByRole("link", { name: "Home" }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("flash")).toHaveCount(0);
    });
  });
}
