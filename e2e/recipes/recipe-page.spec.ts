import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "../platform/axe";
import { E2E } from "../support/ports";
import { expect, expectNoSideScrollOnPhone, registerAndActivate, test } from "../support/test";

const main = (page: Page) => page.getByRole("main");

// One line the search covers by a kind (chicken → thighs), one by another name (prawns → shrimp),
// one typed as written, a staple (assumed), and one missing.
const LINES = ["2 chicken thighs", "1 pinch saffron", "200 g shrimp", "1 lemon", "1 tsp salt"];
const SEARCH = "/?ingredients=chicken,saffron,prawns";

const lineTexts = (page: Page, mark: "have" | "missing") =>
  page.locator(`[data-testid="ingredient"][data-mark="${mark}"] [data-testid="ingredient-text"]`);

/** Adds the recipe through the form (JavaScript or not) and returns its id. */
async function addRecipe(page: Page, title: string, withJs: boolean): Promise<number> {
  await page.goto("/recipes/new");
  await main(page).getByLabel("Title").fill(title);
  if (withJs) {
    for (const [index, line] of LINES.entries()) {
      if (index > 0) await page.getByRole("button", { name: "Add ingredient" }).click();
      await page.getByRole("textbox", { name: `Ingredient ${index + 1}` }).fill(line);
    }
    await page.getByRole("textbox", { name: "Step 1" }).fill("Brown the chicken.");
    await page.getByRole("button", { name: "Add step" }).click();
    await page.getByRole("textbox", { name: "Step 2" }).fill("Add the rest and simmer.");
  } else {
    await main(page).getByLabel("Ingredients").fill(LINES.join("\n"));
    await main(page).getByLabel("Steps").fill("Brown the chicken.\nAdd the rest and simmer.");
  }
  await main(page).getByLabel("Servings").fill("4");
  await main(page).getByLabel("Preparation (minutes)").fill("10");
  await main(page).getByLabel("Cooking (minutes)").fill("25");
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByTestId("flash")).toContainText(`“${title}” is saved.`);
  return Number(new URL(page.url()).pathname.split("/").at(-1));
}

/** From the search's results to the recipe, through its card's link. */
async function openFromSearch(page: Page, title: string, id: number) {
  await page.goto(SEARCH);
  const card = page.getByTestId("search-result").filter({ hasText: title });
  await expect(card).toContainText("uses 3 of yours · needs 1 more");
  await expect(card).toContainText("Missing: lemon");
  await card.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/recipes/${id}\\?ingredients=chicken%2Csaffron%2Cprawn$`));
}

async function expectMarks(page: Page, have: string[], missing: string[]) {
  await expect(lineTexts(page, "have")).toHaveText(have);
  await expect(lineTexts(page, "missing")).toHaveText(missing);
  await expect(page.locator('[data-mark="have"] [data-testid="ingredient-mark"]').first()).toHaveText("You have");
  await expect(page.locator('[data-mark="missing"] [data-testid="ingredient-mark"]')).toHaveText(["Missing"]);
  // The mark is in each checkbox's name, not only in its colour.
  await expect(page.getByRole("checkbox", { name: `${missing[0]} — Missing` })).toBeVisible();
}

test.describe("the recipe page with JavaScript", () => {
  test("from a search: marks, back to the results, scaling, checklist, structured data, sharing tags, print, phone and desktop", async ({
    page,
  }) => {
    await registerAndActivate(page, "Page Cook");
    const title = `Saffron supper ${Date.now()}`;
    const id = await addRecipe(page, title, true);

    await openFromSearch(page, title, id);
    await expect(page.getByTestId("search-coverage")).toHaveText("From your search, you have 4 of 5 ingredients.");
    await expectMarks(page, ["2 chicken thighs", "1 pinch saffron", "200 g shrimp", "1 tsp salt"], ["1 lemon"]);
    await expect(page.getByTestId("total-time")).toHaveText("35 min");
    await expectNoSeriousViolations(page);

    // Scaling keeps the search, and the marks with it.
    await main(page).getByLabel("Servings").fill("6");
    await page.getByRole("button", { name: "Update" }).click();
    await expect(page).toHaveURL(new RegExp(`/recipes/${id}\\?ingredients=chicken%2Csaffron%2Cprawn&servings=6$`));
    await expect(page.getByTestId("ingredient-text")).toHaveText([
      "3 chicken thighs",
      "1½ pinch saffron",
      "300 g shrimp",
      "1½ lemon",
      "1½ tsp salt",
    ]);
    await expect(page.getByTestId("servings-shown")).toHaveText("6 (recipe: 4)");
    await expectMarks(page, ["3 chicken thighs", "1½ pinch saffron", "300 g shrimp", "1½ tsp salt"], ["1½ lemon"]);

    // The checklist: a tap on the line ticks it.
    const lemon = page.getByRole("checkbox", { name: /1½ lemon/ });
    await page.getByText("1½ lemon").click();
    await expect(lemon).toBeChecked();
    await page.getByText("1½ lemon").click();
    await expect(lemon).not.toBeChecked();
    await lemon.check();

    // schema.org Recipe, from the recipe as written (not scaled), with APP_URL's address.
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Recipe",
      name: title,
      author: { "@type": "Person", name: "Page Cook" },
      recipeYield: "4 servings",
      prepTime: "PT10M",
      cookTime: "PT25M",
      totalTime: "PT35M",
      recipeIngredient: LINES,
      recipeInstructions: [
        { "@type": "HowToStep", text: "Brown the chicken." },
        { "@type": "HowToStep", text: "Add the rest and simmer." },
      ],
      url: `${E2E.appUrl}/recipes/${id}`,
    });
    expect(jsonLd.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await expect(page).toHaveTitle(`${title} · Pantry`);
    const meta = (selector: string) => page.locator(selector).getAttribute("content");
    expect(await meta('meta[name="description"]')).toBe("A recipe with chicken thigh, saffron, prawn, lemon and 1 more. Serves 4.");
    expect(await meta('meta[property="og:url"]')).toBe(`${E2E.appUrl}/recipes/${id}`);
    expect(await meta('meta[property="og:type"]')).toBe("article");
    expect(await meta('meta[property="og:title"]')).toBe(title);
    expect(await meta('meta[property="og:site_name"]')).toBe("Pantry");
    expect(await meta('meta[name="twitter:card"]')).toBe("summary");
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(`${E2E.appUrl}/recipes/${id}`);

    // Printed: the recipe to cook from, without the site around it; a ticked box prints empty.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("contentinfo")).toBeHidden();
    await expect(page.getByTestId("servings-form")).toBeHidden();
    await expect(page.getByTestId("back-to-results")).toBeHidden();
    await expect(page.getByTestId("save-recipe")).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId("recipe-facts")).toBeVisible();
    await expect(page.getByTestId("ingredient-text")).toHaveCount(5);
    await expect(page.getByText("Add the rest and simmer.")).toBeVisible();
    expect(await lemon.evaluate((box) => getComputedStyle(box).appearance)).toBe("none");
    await page.emulateMedia({ media: "screen" });
    await expect(page.getByRole("banner")).toBeVisible();

    await expectNoSideScrollOnPhone(page);
    await page.setViewportSize({ width: 360, height: 740 });
    // A line is a big enough target for a finger.
    const box = await page.getByRole("listitem").filter({ has: lemon }).locator("label").boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await expectNoSeriousViolations(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole("link", { name: "Back to results" }).click();
    await expect(page).toHaveURL(/\/\?ingredients=chicken%2Csaffron%2Cprawn$/);
    await expect(page.getByTestId("search-result").filter({ hasText: title })).toBeVisible();

    // Without a search the page marks nothing and offers no way back.
    await page.goto(`/recipes/${id}`);
    await expect(page.getByTestId("ingredient-mark")).toHaveCount(0);
    await expect(page.getByTestId("back-to-results")).toHaveCount(0);
    await expect(page.getByTestId("ingredient-text")).toHaveText(LINES);
  });

  test("staples counted: salt is missing too, and the way back keeps that setting and the page", async ({ page }) => {
    await page.goto("/?ingredients=chicken&staples=counted");
    const first = page.getByTestId("search-result").first();
    const href = await first.getByRole("link").getAttribute("href");
    expect(href).toMatch(/^\/recipes\/\d+\?ingredients=chicken&staples=counted$/);
    const missing = ((await first.textContent()) ?? "").match(/Missing: (.*)$/)?.[1]?.split(", ") ?? [];
    await first.getByRole("link").click();
    await expect(page.getByTestId("back-to-results")).toBeVisible();
    // The card and the page say the same: as many lines missing as the card names (or more, when two lines share a name).
    expect(await page.locator('[data-mark="missing"]').count()).toBeGreaterThanOrEqual(missing.length);
    await page.getByRole("link", { name: "Back to results" }).click();
    await expect(page).toHaveURL(/\/\?ingredients=chicken&staples=counted$/);
  });
});

test.describe("the recipe page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("marks, scaling by a plain GET, a fallback for nonsense, the checklist and the way back", async ({ page }) => {
    await registerAndActivate(page, "Plain Page Cook");
    const title = `Plain saffron supper ${Date.now()}`;
    const id = await addRecipe(page, title, false);

    await openFromSearch(page, title, id);
    await expectMarks(page, ["2 chicken thighs", "1 pinch saffron", "200 g shrimp", "1 tsp salt"], ["1 lemon"]);

    await main(page).getByLabel("Servings").fill("2");
    await page.getByRole("button", { name: "Update" }).click();
    await expect(page).toHaveURL(new RegExp(`/recipes/${id}\\?ingredients=chicken%2Csaffron%2Cprawn&servings=2$`));
    await expect(page.getByTestId("ingredient-text")).toHaveText([
      "1 chicken thighs",
      "½ pinch saffron",
      "100 g shrimp",
      "½ lemon",
      "½ tsp salt",
    ]);
    await expect(main(page).getByLabel("Servings")).toHaveValue("2");

    const lemon = page.getByRole("checkbox", { name: /½ lemon/ });
    await page.getByText("½ lemon").click();
    await expect(lemon).toBeChecked();

    for (const nonsense of ["0", "101", "abc", "2.5", "-3", "%3Cscript%3E"]) {
      const response = await page.goto(`/recipes/${id}?servings=${nonsense}`);
      expect(response!.status(), nonsense).toBe(200);
      await expect(page.getByTestId("servings-shown")).toHaveText("4");
      await expect(page.getByTestId("ingredient-text")).toHaveText(LINES);
    }

    // A hostile search on the URL is parsed, never echoed: the way back is a relative "/?…" of parsed names.
    await page.goto(`/recipes/${id}?ingredients=${encodeURIComponent('chicken,"><script>x</script>')}&page=2`);
    const back = await page.getByRole("link", { name: "Back to results" }).getAttribute("href");
    expect(back).toMatch(/^\/\?ingredients=chicken%2C[^"<>]*&page=2$/);
    await openFromSearch(page, title, id);
    await page.getByRole("link", { name: "Back to results" }).click();
    await expect(page).toHaveURL(/\/\?ingredients=chicken%2Csaffron%2Cprawn$/);
  });
});
