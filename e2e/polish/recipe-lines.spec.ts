import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousViolations } from "../platform/axe";
import { expect, registerAndActivate, test } from "../support/test";

const main = (page: Page) => page.getByRole("main");
const ingredient = (page: Page, n: number) => page.getByRole("textbox", { name: `Ingredient ${n}`, exact: true });
const step = (page: Page, n: number) => page.getByRole("textbox", { name: `Step ${n}`, exact: true });

/** Pastes `text` into the box as the clipboard would hand it over. */
async function paste(box: Locator, text: string) {
  await box.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const LONG_STEP =
  "Warm the milk in a small pan until it steams, then take it off the heat and whisk in the butter until it melts; " +
  "beat the eggs with the sugar until pale, pour in the warm milk in a thin stream while whisking, then fold in the flour " +
  "in three goes so that no lumps remain, and leave the batter to rest for half an hour before frying.";

for (const width of [360, 1280]) {
  test.describe(`the recipe form's lines at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("Enter adds the next line, a pasted list becomes lines, a step's box grows with its text", async ({ page }) => {
      await registerAndActivate(page, "Line Writer");
      await page.goto("/recipes/new");
      const title = `Pancakes ${Date.now()}`;
      await main(page).getByLabel("Title").fill(title);

      await ingredient(page, 1).fill("2 eggs");
      await ingredient(page, 1).press("Enter");
      await expect(page).toHaveURL(/\/recipes\/new$/);
      await expect(ingredient(page, 2)).toBeFocused();
      await page.keyboard.type("100 g flour");
      await page.keyboard.press("Enter");
      await expect(ingredient(page, 3)).toBeFocused();

      await paste(ingredient(page, 3), "300 ml milk\r\n\n1 tbsp butter\n2 tbsp sugar\n");
      await expect(ingredient(page, 3)).toHaveValue("300 ml milk");
      await expect(ingredient(page, 4)).toHaveValue("1 tbsp butter");
      await expect(ingredient(page, 5)).toHaveValue("2 tbsp sugar");
      await expect(ingredient(page, 6)).toHaveCount(0);
      await expect(ingredient(page, 5)).toBeFocused();
      // No error appeared: the form was not submitted half-filled.
      await expect(page.getByTestId("recipe-steps-error")).toHaveText("");

      const first = step(page, 1);
      const before = await first.evaluate((box) => box.clientHeight);
      await first.fill(LONG_STEP);
      await expect.poll(() => first.evaluate((box) => box.clientHeight)).toBeGreaterThan(before);
      expect(await first.evaluate((box) => box.scrollHeight - box.clientHeight), "text hidden inside the box").toBeLessThanOrEqual(1);
      await first.press("End");
      await first.press("Enter");
      await expect(step(page, 2)).toBeFocused();
      await page.keyboard.type("Fry in a hot pan.");

      // Each line keeps the room to read it beside its Remove button.
      for (const box of [ingredient(page, 1), step(page, 1)]) {
        const line = page.getByRole("listitem").filter({ has: box });
        const remove = line.getByRole("button", { name: /^Remove / });
        const [input, button] = [await box.boundingBox(), await remove.boundingBox()];
        expect(input!.width, "the line's box").toBeGreaterThanOrEqual(Math.min(width - 160, 400));
        expect(button!.x, "the Remove button beside the box, not over it").toBeGreaterThanOrEqual(input!.x + input!.width);
        expect(button!.x + button!.width).toBeLessThanOrEqual(width);
        expect(button!.height, "a button big enough to tap").toBeGreaterThanOrEqual(24);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectNoSeriousViolations(page);

      await main(page).getByLabel("Servings").fill("4");
      await page.getByRole("button", { name: "Save recipe" }).click();
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      for (const line of ["2 eggs", "100 g flour", "300 ml milk", "1 tbsp butter", "2 tbsp sugar"]) {
        await expect(main(page).getByRole("listitem").filter({ hasText: line }).first()).toBeVisible();
      }
      await expect(main(page).getByText("Fry in a hot pan.")).toBeVisible();
    });
  });
}

test.describe("the recipe form's lines without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("a line each in the text boxes, Enter included, saves every line", async ({ page }) => {
    await registerAndActivate(page, "Plain Writer");
    await page.goto("/recipes/new");
    const title = `Flatbread ${Date.now()}`;
    await main(page).getByLabel("Title").fill(title);
    const ingredients = main(page).getByLabel("Ingredients");
    await ingredients.pressSequentially("250 g flour");
    await ingredients.press("Enter");
    await ingredients.pressSequentially("150 ml water");
    await main(page).getByLabel("Steps").fill("Mix and knead.\nRoll thin and cook in a dry pan.");
    await main(page).getByLabel("Servings").fill("4");
    await page.getByRole("button", { name: "Save recipe" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(main(page).getByRole("listitem").filter({ hasText: "250 g flour" }).first()).toBeVisible();
    await expect(main(page).getByRole("listitem").filter({ hasText: "150 ml water" }).first()).toBeVisible();
    await expect(main(page).getByText("Roll thin and cook in a dry pan.")).toBeVisible();
  });
});
