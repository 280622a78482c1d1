import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "../platform/axe";
import { expect, registerAndActivate, test } from "../support/test";

const main = (page: Page) => page.getByRole("main");

/** Adds a recipe through the form, with or without JavaScript (a textarea per list without it). */
async function addRecipe(page: Page, title: string) {
  await page.goto("/recipes/new");
  await main(page).getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "Ingredient 1" }).or(main(page).getByLabel("Ingredients")).fill("2 leeks");
  await page.getByRole("textbox", { name: "Step 1" }).or(main(page).getByLabel("Steps")).fill("Braise the leeks.");
  await main(page).getByLabel("Servings").fill("2");
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** The element lies inside the viewport's width: reachable without scrolling sideways. */
async function expectWithinWidth(page: Page, locator: ReturnType<Page["locator"]>, label: string) {
  await expect(locator, label).toBeVisible();
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box!.x, label).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, label).toBeLessThanOrEqual(width);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the dashboard ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test("every recipe's View, Edit and Delete are on screen at 360 px and at 1280 px, and lead where they say", async ({ page }) => {
      await registerAndActivate(page, "Small Screen Cook");
      const titles = [`Leeks ${Date.now()}`, `A braised leek and potato gratin with thyme and a crisp cheese crust ${Date.now()}`];
      for (const title of titles) await addRecipe(page, title);

      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto("/dashboard");
        for (const title of titles) {
          const row = page.getByTestId("dashboard-row").filter({ hasText: title });
          for (const action of ["View", "Edit", "Delete"]) {
            await expectWithinWidth(page, row.getByRole("link", { name: `${action} ${title}` }), `${action} ${title} at ${width} px`);
          }
          await expect(row).toContainText("1 ingredient");
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `document width at ${width} px`).toBeLessThanOrEqual(width);
        // axe runs as a script in the page.
        if (width === 360 && javaScriptEnabled) await expectNoSeriousViolations(page);
      }

      await page.setViewportSize({ width: 360, height: 740 });
      const [short] = titles;
      const row = () => page.getByTestId("dashboard-row").filter({ hasText: short! });
      await page.goto("/dashboard");
      await row()
        .getByRole("link", { name: `View ${short}` })
        .click();
      await expect(page.getByRole("heading", { level: 1, name: short })).toBeVisible();
      await page.goto("/dashboard");
      await row()
        .getByRole("link", { name: `Edit ${short}` })
        .click();
      await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
      await page.goto("/dashboard");
      await row()
        .getByRole("link", { name: `Delete ${short}` })
        .click();
      await expect(page.getByRole("button", { name: "Delete recipe" })).toBeVisible();
    });
  });
}
