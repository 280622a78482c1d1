import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "../platform/axe";
import { expect, test } from "../support/test";

// The combobox's behaviour: suggestions, chips and the URL. The result counts belong to the search's own tests.

/** The field once the page's script has made it a combobox. */
async function combobox(page: Page) {
  const box = page.getByRole("combobox", { name: "Ingredients you have" });
  await expect(box).toBeVisible();
  return box;
}

const chips = (page: Page) => page.getByTestId("ingredient-chip");

test("typing another name suggests the canonical ingredient, and the keyboard adds it as a chip", async ({ page }) => {
  await page.goto("/");
  const box = await combobox(page);
  await expect(box).toHaveAttribute("aria-expanded", "false");

  await box.fill("shri");
  const listbox = page.getByRole("listbox", { name: "Suggested ingredients" });
  await expect(listbox.getByRole("option", { name: "prawn (shrimp)" })).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(box).toHaveAttribute("aria-controls", (await listbox.getAttribute("id"))!);
  // The count is announced politely, for screen readers.
  await expect(page.getByRole("status").filter({ hasText: /\d+ suggestions?\./ })).toHaveAttribute("aria-live", "polite");

  await box.press("ArrowDown");
  const first = listbox.getByRole("option").first();
  await expect(first).toHaveAccessibleName("prawn (shrimp)");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await box.press("Enter");
  await expect(chips(page)).toHaveText(["prawn×"]);
  await expect(box).toHaveValue("");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(listbox).toBeHidden();

  // A plural typed in full and chosen is the canonical name's chip.
  await box.fill("tomatoes");
  await expect(listbox.getByRole("option", { name: "tomato (tomatoes)" })).toBeVisible();
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(chips(page)).toHaveText(["prawn×", "tomato×"]);

  // The same ingredient again, by another form and with Enter on the typed name: still one chip.
  await box.fill("Tomato");
  await box.press("Enter");
  await expect(box).toHaveValue("");
  await expect(chips(page)).toHaveText(["prawn×", "tomato×"]);
  await expect(page.getByRole("status").filter({ hasText: "tomato is already in your list." })).toBeAttached();

  // Enter with nothing typed searches for the chips.
  await box.press("Enter");
  await expect(page).toHaveURL(/\?ingredients=prawn%2C\+tomato&staples=counted&staples=assumed$/);
  await expect(page.getByRole("heading", { level: 2, name: /use/ })).toBeVisible();
  await expect(chips(page)).toHaveText(["prawn×", "tomato×"]);
});

test("Escape closes the suggestions, a prefix alone adds nothing, a click adds the option", async ({ page }) => {
  await page.goto("/");
  const box = await combobox(page);
  const listbox = page.getByRole("listbox", { name: "Suggested ingredients" });

  await box.pressSequentially("arug");
  await expect(listbox.getByRole("option", { name: "rocket (arugula)" })).toBeVisible();
  await box.press("Escape");
  await expect(listbox).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue("arug");

  // Enter on a part of a name opens the suggestions with the first chosen, rather than adding "arug".
  await box.press("Enter");
  await expect(listbox.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(chips(page)).toHaveCount(0);

  await listbox.getByRole("option", { name: "rocket (arugula)" }).click();
  await expect(chips(page)).toHaveText(["rocket×"]);
  await expect(box).toBeFocused();

  // A name the dictionary does not know is still taken as typed.
  await box.fill("unobtainium");
  await box.press("Enter");
  await expect(chips(page)).toHaveText(["rocket×", "unobtainium×"]);
});

test("removing a chip searches again without it", async ({ page }) => {
  await page.goto("/?ingredients=Tomatoes,+basil,+garlic");
  await combobox(page);
  // The server's reading of the query: one chip per ingredient, by its name.
  await expect(chips(page)).toHaveText(["tomato×", "basil×", "garlic×"]);

  await page.getByRole("button", { name: "Remove basil" }).click();
  await expect(page).toHaveURL(/\?ingredients=tomato%2C\+garlic&/);
  await expect(chips(page)).toHaveText(["tomato×", "garlic×"]);
  await expect(page.getByRole("heading", { level: 2, name: /use tomato, garlic$/ })).toBeVisible();
});

test("the open combobox has no serious accessibility violations", async ({ page }) => {
  await page.goto("/?ingredients=garlic");
  const box = await combobox(page);
  await box.fill("tom");
  await expect(page.getByRole("listbox", { name: "Suggested ingredients" }).getByRole("option").first()).toBeVisible();
  await box.press("ArrowDown");
  await expectNoSeriousViolations(page);
});

test("the suggestions endpoint answers any query with a list", async ({ request }) => {
  const shri = await request.get("/api/ingredients/suggest?q=shri");
  expect(shri.status()).toBe(200);
  expect(shri.headers()["cache-control"]).toBe("public, max-age=60");
  expect((await shri.json()).suggestions[0]).toMatchObject({ name: "prawn", matched: "shrimp" });
  for (const q of ["", "x".repeat(5_000), "<script>", "\u0000", "🍅🍅", "' OR 1=1; --"]) {
    const response = await request.get(`/api/ingredients/suggest?q=${encodeURIComponent(q)}`);
    expect(response.status(), q).toBe(200);
    expect(await response.json(), q).toEqual({ suggestions: [] });
  }
  expect((await request.get("/api/ingredients/suggest")).status()).toBe(200);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain field still searches", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("combobox")).toHaveCount(0);
    const field = page.getByRole("textbox", { name: "Ingredients you have" });
    await expect(field).toHaveAttribute("name", "ingredients");
    await field.fill("shrimp, tomatoes");
    await page.getByRole("button", { name: "Find recipes" }).click();
    await expect(page).toHaveURL(/\?ingredients=shrimp%2C\+tomatoes&staples=counted&staples=assumed$/);
    await expect(page.getByRole("heading", { level: 2, name: /use/ })).toBeVisible();
  });
});
