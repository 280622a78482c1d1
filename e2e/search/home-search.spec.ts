import { expect, test } from "../support/test";

test.use({ javaScriptEnabled: false });

test("the home search works as a plain GET form with a shareable URL", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Newest recipes" })).toBeVisible();
  await page.getByLabel("Ingredients you have").fill("Tomatoes, basil");
  await page.getByRole("button", { name: "Find recipes" }).click();
  await expect(page).toHaveURL(/\?ingredients=Tomatoes%2C\+basil&without=&staples=counted&staples=assumed/);
  const first = page.getByTestId("search-result").first();
  await expect(first).toContainText("uses 2 of yours");

  await page.goto("/?ingredients=tomato,basil");
  await expect(page.getByTestId("search-result").first()).toContainText("uses 2 of yours");

  // Staples assumed: a typed staple is assumed like the others and leaves the ranking alone.
  await page.goto("/?ingredients=tomato,basil,salt");
  await expect(page.getByTestId("ignored-staples")).toContainText("salt is a pantry staple");
  await expect(page.getByRole("heading", { level: 2, name: /recipes? uses? some of tomato, basil$/ })).toBeVisible();
  await expect(page.getByTestId("search-result").first()).toContainText("uses 2 of yours");
});

test("hostile or huge input gives a normal page", async ({ page }) => {
  for (const query of [
    "<script>window.__pwned=1</script>",
    "' OR 1=1; DROP TABLE recipes; --",
    "🍅".repeat(800),
    "x".repeat(10_000),
    "\u202e\u200bgarlic",
  ]) {
    const response = await page.goto(`/?ingredients=${encodeURIComponent(query)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Cook with what you have" })).toBeVisible();
  }
});
