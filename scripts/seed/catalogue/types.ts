export type CatalogueRecipe = {
  title: string; // 1-120 chars
  summary: string; // 1-2 sentences, <= 300 chars, in our own words
  servings: number; // 1-12
  prepMinutes: number; // 0-240
  cookMinutes: number; // 0-480
  ingredients: string[]; // ingredient lines
  steps: string[]; // 3-6 steps, each one or two sentences
};
