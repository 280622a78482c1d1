import { expect, test } from "../support/test";

// The catalogue as a new visitor meets it: plain GET pages, no JavaScript needed.
test.use({ javaScriptEnabled: false });

const titles = (page: import("@playwright/test").Page) => page.getByTestId("search-result").getByRole("heading").allInnerTexts();

test("a typed kind finds every form of it: chicken finds the thigh and breast dishes, salt stays assumed", async ({ page }) => {
  await page.goto("/?ingredients=chicken,salt");
  await expect(page.getByRole("heading", { level: 2, name: "7 recipes use chicken" })).toBeVisible();
  await expect(page.getByTestId("ignored-staples")).toContainText("salt is a pantry staple");
  const found = await titles(page);
  expect(found).toEqual(expect.arrayContaining(["One-Pan Chicken and Rice", "Chicken Fajitas", "Lemon Garlic Chicken Traybake"]));
  await expect(page.getByTestId("search-result").first()).toContainText("You have: chicken");
});

test("chicken and rice: the one-pan dish uses both and lists neither its thighs nor its long-grain rice as missing", async ({ page }) => {
  await page.goto("/?ingredients=chicken,rice");
  await expect(page.getByRole("heading", { level: 2, name: "12 recipes use some of chicken, rice" })).toBeVisible();
  await expect(page.getByTestId("results-detail")).toHaveText("Of these, 2 use both, 10 use one.");
  const card = page.getByTestId("search-result").filter({ hasText: "One-Pan Chicken and Rice" });
  await expect(card).toContainText("You have: chicken, rice");
  await expect(card).not.toContainText("chicken thigh");
  await expect(card).not.toContainText("long-grain rice");
  // Grouped in rank order: both used first, each group labelled by what is missing.
  const groups = page.getByTestId("result-group");
  await expect(groups.first().getByTestId("group-heading")).toContainText("uses both of yours");
  await expect(groups.nth(1).getByTestId("group-heading")).toContainText("uses 1 of your 2");
});

test("other names and plurals find the canonical ingredient", async ({ page }) => {
  await page.goto("/?ingredients=eggplant");
  expect(await titles(page)).toEqual(["Aubergine Parmigiana"]);
  await page.goto("/?ingredients=Cilantro");
  await expect(page.getByRole("heading", { level: 2, name: "4 recipes use coriander" })).toBeVisible();
});

test("nothing missing reads Make it now", async ({ page }) => {
  await page.goto("/?ingredients=avocado,lime,tomato,red onion,green chili,coriander");
  const first = page.getByTestId("result-group").first();
  await expect(first.getByTestId("group-heading")).toContainText("Make it now");
  await expect(first.getByTestId("search-result").first()).toContainText("Chunky Guacamole");
  await expect(first.getByTestId("search-result").first()).toContainText("needs nothing more");
});

test("diets and exclusions narrow the results and stay in the shareable URL", async ({ page }) => {
  await page.goto("/?ingredients=cheese");
  const everything = await titles(page);
  expect(everything).toContain("Spaghetti Carbonara");

  await page.getByText("Diets and ingredients to leave out").click();
  await page.getByLabel("Vegetarian").check();
  await page.getByRole("button", { name: "Find recipes" }).click();
  await expect(page).toHaveURL(/diet=vegetarian/);
  await expect(page.getByTestId("active-filters")).toHaveText("vegetarian");
  const vegetarian = await titles(page);
  expect(vegetarian).not.toContain("Spaghetti Carbonara");
  expect(vegetarian).not.toContain("Chicken Caesar Salad");
  expect(vegetarian).toContain("Aubergine Parmigiana");

  // "without" a kind leaves out every form of it: cheese rules out cheddar, parmesan, mozzarella.
  await page.goto("/?ingredients=tomato,basil&without=cheese");
  await expect(page.getByTestId("active-filters")).toHaveText("without cheese");
  const withoutCheese = await titles(page);
  expect(withoutCheese).not.toContain("Tomato and Mozzarella Salad");
  expect(withoutCheese).not.toContain("Aubergine Parmigiana");
  expect(withoutCheese.length).toBeGreaterThan(0);
});

test("a recipe's name finds it too", async ({ page }) => {
  await page.goto("/?ingredients=lasagne");
  await expect(page.getByTestId("title-matches").getByRole("link", { name: "Vegetable Lasagne" })).toBeVisible();
});
