import { describe, expect, it } from "vitest";
import { normalizeIngredientName } from "./normalise";
import { ingredientNameOf, parseIngredientLine } from "./parse-line";

describe("ingredientNameOf: realistic recipe lines", () => {
  // [recipe line, normalised name]
  const cases: ReadonlyArray<readonly [string, string]> = [
    // the canonical examples
    ["2 tbsp olive oil", "olive oil"],
    ["3 Tomatoes", "tomato"],
    ["2 large eggs, beaten", "egg"],
    ["1 1/2 cups milk", "milk"],
    ["½ tsp ground cumin", "ground cumin"],
    ["400 g spaghetti", "spaghetti"],
    ["1 (400 g) can chickpeas, drained", "chickpea"],
    ["salt", "salt"],
    ["a handful of basil leaves", "basil"],
    ["salt and pepper to taste", "salt and pepper"],
    ["juice of 1 lemon", "lemon juice"],
    // quantities, ranges, fractions, units
    ["2-3 cloves garlic, minced", "garlic"],
    ["3 garlic cloves", "garlic"],
    ["2 large cloves garlic", "garlic"],
    ["2–3 tbsp honey", "honey"],
    ["2 or 3 potatoes", "potato"],
    ["1½ cups flour", "flour"],
    ["1/3 cup mayonnaise", "mayonnaise"],
    ["250ml double cream", "double cream"],
    ["1 kg potatoes", "potato"],
    ["8 oz. cremini mushrooms, sliced", "cremini mushroom"],
    ["2 tsp. vanilla extract", "vanilla extract"],
    ["3 Tbsp. unsalted butter, melted", "butter"],
    ["1/2 cup (1 stick) butter, softened", "butter"],
    ["100g/4oz butter", "butter"],
    ["1 x 400g tin chopped tomatoes", "tomato"],
    ["1 14-ounce can coconut milk", "coconut milk"],
    ["2 cans (15 oz each) black beans, rinsed and drained", "black bean"],
    ["1 litre chicken stock", "chicken stock"],
    ["½ cup (125 ml) water", "water"],
    ["1 heaped tbsp flour", "flour"],
    ["1 knob of butter", "butter"],
    ["2 handfuls baby spinach", "baby spinach"],
    ["4 rashers streaky bacon", "streaky bacon"],
    ["2 sheets puff pastry", "puff pastry"],
    ["1 bunch coriander", "coriander"],
    ["5 sprigs fresh thyme", "thyme"],
    ["a few sprigs of rosemary", "rosemary"],
    ["2 stalks celery", "celery"],
    ["2 celery sticks", "celery"],
    ["1 thumb-sized piece of ginger", "ginger"],
    ["1 inch piece ginger", "ginger"],
    ["a dozen eggs", "egg"],
    ["Tomato x2", "tomato"],
    ["- 2 eggs", "egg"],
    // descriptors
    ["1 large onion, finely chopped", "onion"],
    ["2 spring onions, thinly sliced", "spring onion"],
    ["1/4 cup chopped fresh cilantro", "cilantro"],
    ["3/4 cup packed brown sugar", "brown sugar"],
    ["2 lb boneless skinless chicken breasts", "chicken breast"],
    ["4 chicken thighs (bone-in, skin-on)", "chicken thigh"],
    ["1 tablespoon extra-virgin olive oil", "olive oil"],
    ["2 large free-range eggs", "egg"],
    ["2 medium-sized potatoes", "potato"],
    ["2 ripe avocados", "avocado"],
    ["peeled and diced potatoes", "potato"],
    ["3 cups cooked rice", "rice"],
    ["1 lb ground beef", "ground beef"],
    ["freshly ground black pepper", "black pepper"],
    ["1 pint cherry tomatoes, halved", "cherry tomato"],
    ["200g green beans", "green bean"],
    ["2 cups all-purpose flour", "all-purpose flour"],
    ["1 tsp baking soda", "baking soda"],
    ["200 g feta cheese, crumbled", "feta cheese"],
    ["2 tbsp soy sauce (or tamari)", "soy sauce"],
    ["1 can (14.5 oz) diced tomatoes", "tomato"],
    // free text and trailing notes
    ["Salt, to taste", "salt"],
    ["Olive oil, for frying", "olive oil"],
    ["butter for greasing", "butter"],
    ["fresh basil, to serve", "basil"],
    ["a little butter", "butter"],
    ["a drizzle of honey", "honey"],
    ["a splash of milk", "milk"],
    ["pinch of saffron threads", "saffron thread"],
    ["handful of mint", "mint"],
    ["salt & pepper", "salt and pepper"],
    ["Juice of 2 limes", "lime juice"],
    ["Zest of 1 orange", "orange zest"],
    ["zest and juice of 1 lime", "lime"],
    ["2 tablespoons fresh lemon juice", "lemon juice"],
    ["Crème fraîche, to serve", "crème fraîche"],
    ["1 tbsp za’atar", "za'atar"],
    // words pluralize gets wrong, and things it must leave alone
    ["1 tbsp hummus", "hummus"],
    ["250 g couscous", "couscous"],
    ["1 bunch asparagus, trimmed", "asparagus"],
    ["2 tbsp molasses", "molasses"],
    ["1 bunch swiss chard", "swiss chard"],
    ["1 cup grits", "grits"],
    ["1 cup rolled oats", "rolled oat"],
    ["6 chillies", "chilli"],
    ["12 cookies", "cookie"],
    ["2 bay leaves", "bay leaf"],
    ["10 curry leaves", "curry leaf"],
    ["1 cup Brussels sprouts", "brussels sprout"],
    ["3 Jalapeños", "jalapeño"],
    ["00 flour", "00 flour"],
    ["clove oil", "clove oil"],
    ["4 whole cloves", "whole clove"],
  ];

  it("has a realistic table of at least 40 lines", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)("%s → %s", (line, expected) => {
    expect(ingredientNameOf(line)).toBe(expected);
  });

  it.each(cases)("normalising %s directly gives the same name as parsing it first", (line, expected) => {
    // The search box never goes through the parser, so both paths must agree.
    expect(normalizeIngredientName(line)).toBe(expected);
  });

  it.each(cases)("normalisation is idempotent for %s", (_line, expected) => {
    expect(normalizeIngredientName(expected)).toBe(expected);
  });
});

describe("parseIngredientLine", () => {
  it("keeps the trimmed original line", () => {
    expect(parseIngredientLine("   2 tbsp olive oil \t").line).toBe("2 tbsp olive oil");
  });

  it.each([
    // line, quantity, quantity2, unit, name
    ["2 tbsp olive oil", 2, null, "tablespoon", "olive oil"],
    ["1 1/2 cups milk", 1.5, null, "cup", "milk"],
    ["½ tsp ground cumin", 0.5, null, "teaspoon", "ground cumin"],
    ["1½ cups flour", 1.5, null, "cup", "flour"],
    ["2-3 cloves garlic, minced", 2, 3, "clove", "garlic, minced"],
    ["3 to 4 carrots", 3, 4, null, "carrots"],
    ["400 g spaghetti", 400, null, "gram", "spaghetti"],
    ["1 kg potatoes", 1, null, "kilogram", "potatoes"],
    ["250 ml double cream", 250, null, "milliliter", "double cream"],
    ["1 litre chicken stock", 1, null, "liter", "chicken stock"],
    ["1 (400 g) can chickpeas, drained", 1, null, "can", "chickpeas, drained"],
    ["1 pinch of salt", 1, null, "pinch", "salt"],
    ["a handful of basil leaves", 1, null, "handful", "basil leaves"],
    ["2 handfuls spinach", 2, null, "handful", "spinach"],
    ["1 tin tomatoes", 1, null, "tin", "tomatoes"],
    ["2 slices bread", 2, null, "slice", "bread"],
    ["1 x 400g tin chopped tomatoes", 1, null, null, "chopped tomatoes"],
    ["100g/4oz butter", 100, null, null, "butter"],
    ["Tomato x2", 2, null, null, "Tomato"],
    ["3 Tomatoes", 3, null, null, "Tomatoes"],
  ] as const)("%s", (line, quantity, quantity2, unit, name) => {
    expect(parseIngredientLine(line)).toEqual({ line, quantity, quantity2, unit, name });
  });

  it.each([
    "salt",
    "a handful of basil leaves", // becomes quantity 1 + unit handful, but keeps a name
    "salt and pepper to taste",
    "juice of 1 lemon",
    "freshly ground black pepper",
    "ice",
  ])("never drops free text: %s", (line) => {
    const parsed = parseIngredientLine(line);
    expect(parsed.name.length).toBeGreaterThan(0);
    expect(ingredientNameOf(line)).not.toBe("");
  });

  it("uses the whole line as the name for free text", () => {
    expect(parseIngredientLine("salt and pepper to taste")).toEqual({
      line: "salt and pepper to taste",
      quantity: null,
      quantity2: null,
      unit: null,
      name: "salt and pepper to taste",
    });
  });

  it("does not read short abbreviations as units when there is no quantity", () => {
    // parse-ingredient alone reads "in" as inch, "T" as tablespoon and "clove" as a unit here.
    expect(parseIngredientLine("in season greens")).toMatchObject({ unit: null, name: "in season greens" });
    expect(parseIngredientLine("T bone steaks")).toMatchObject({ unit: null, name: "T bone steaks" });
    expect(parseIngredientLine("clove oil")).toMatchObject({ unit: null, name: "clove oil" });
    // ...but keeps whole-word units
    expect(parseIngredientLine("pinch of salt")).toMatchObject({ quantity: null, unit: "pinch", name: "salt" });
  });

  it("does not treat a leading 00 as a quantity of zero", () => {
    expect(parseIngredientLine("00 flour")).toMatchObject({ quantity: null, name: "00 flour" });
  });

  it("uses the whole line when the parser leaves no name", () => {
    expect(parseIngredientLine("10")).toMatchObject({ quantity: 10, name: "10" });
    expect(parseIngredientLine("½")).toMatchObject({ quantity: 0.5, name: "½" });
  });

  it("treats a line with embedded newlines as one ingredient", () => {
    expect(parseIngredientLine("2 eggs\n3 tomatoes")).toMatchObject({ quantity: 2, name: "eggs 3 tomatoes" });
  });

  it("returns an empty name for an empty line", () => {
    expect(parseIngredientLine("   ")).toEqual({ line: "", quantity: null, quantity2: null, unit: null, name: "" });
  });

  it("keeps section headings whole but they normalise to nothing", () => {
    expect(parseIngredientLine("For the sauce:")).toMatchObject({ quantity: null, unit: null, name: "For the sauce:" });
    expect(ingredientNameOf("For the sauce:")).toBe("");
    expect(ingredientNameOf("Dressing:")).toBe("");
  });
});

describe("hostile single lines", () => {
  it.each([
    ["100 kB line", "1 ".repeat(50_000) + "salt"],
    ["100 kB of vulgar fractions", "½".repeat(100_000)],
    ["100 kB of parentheses", "(".repeat(100_000)],
    ["NUL", "\u0000\u0000 2 eggs"],
  ])("parseIngredientLine and ingredientNameOf stay bounded: %s", (_label, line) => {
    const start = performance.now();
    const parsed = parseIngredientLine(line);
    const name = ingredientNameOf(line);
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(parsed.line).toBe(line.trim());
    expect(parsed.name.length).toBeLessThanOrEqual(500);
    expect(name.length).toBeLessThanOrEqual(60);
  });
});

describe("lines built to make the parser backtrack", () => {
  // parse-ingredient alone needs seconds for 24 letters before "…", doubling per letter: with 60,
  // a hang, not a slow test, is what a regression looks like.
  it("parses a long word beside an awkward character at once, keeping the whole line", () => {
    const word = "x".repeat(60);
    expect(parseIngredientLine(`2 potatoes ${word}…`)).toMatchObject({ quantity: 2, name: `potatoes ${word}…` });
    // Names are capped at 60 characters.
    expect(ingredientNameOf(`${word}… 2 cups`)).toBe(word);
  });
});
