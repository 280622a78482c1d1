import { describe, expect, it } from "vitest";
import { isPantryStaple, PANTRY_STAPLES } from "./staples";
import { resolveIngredient } from "@/core/ingredients/dictionary";
import { ingredientNameOf } from "@/core/ingredients/parse-line";

describe("pantry staples", () => {
  it.each([
    "salt",
    "sea salt",
    "kosher salt",
    "black pepper",
    "pepper",
    "water",
    "oil",
    "cooking oil",
    "vegetable oil",
    "olive oil",
    "sunflower oil",
    "sugar",
    "flour",
    "all-purpose flour",
  ])("includes %s", (name) => {
    expect(isPantryStaple(name)).toBe(true);
  });

  it("holds canonical dictionary names, each of which resolves to itself", () => {
    expect(PANTRY_STAPLES.size).toBeGreaterThan(10);
    for (const name of PANTRY_STAPLES) expect(resolveIngredient(name)).toBe(name);
  });

  it.each([
    "tomato",
    "egg",
    "butter",
    "milk",
    "ground cumin",
    "brown sugar",
    "coconut milk",
    "chicken stock",
    "sesame oil",
    "icing sugar",
    "",
  ])("does not include %s", (name) => {
    expect(isPantryStaple(name)).toBe(false);
  });

  it("recognises staples in recipe lines once normalised", () => {
    expect(isPantryStaple(ingredientNameOf("2 tbsp extra-virgin olive oil"))).toBe(true);
    expect(isPantryStaple(ingredientNameOf("Salt, to taste"))).toBe(true);
    expect(isPantryStaple(ingredientNameOf("freshly ground black pepper"))).toBe(true);
    expect(isPantryStaple(ingredientNameOf("2 cups all-purpose flour"))).toBe(true);
    expect(isPantryStaple(ingredientNameOf("400 g spaghetti"))).toBe(false);
  });

  it("normalises a raw name before checking", () => {
    expect(isPantryStaple("Sea Salt")).toBe(true);
    expect(isPantryStaple("Olive Oil, for frying")).toBe(true);
  });
});
