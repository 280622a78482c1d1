/** The diet filters of the search, as they appear in the URL (`&diet=vegetarian`) and on the page. Browser-safe. */
export const DIETS = ["vegetarian", "vegan", "gluten-free", "dairy-free"] as const;

export type Diet = (typeof DIETS)[number];

export const DIET_LABELS: Record<Diet, string> = {
  vegetarian: "Vegetarian",
  vegan: "Vegan",
  "gluten-free": "Gluten-free",
  "dairy-free": "Dairy-free",
};

export const isDiet = (value: unknown): value is Diet => typeof value === "string" && (DIETS as readonly string[]).includes(value);
