import type { RecipeIngredient } from "@/infra/db/schema";

// schema.org Recipe for search engines (https://schema.org/Recipe, Google's recipe rich results).
// Pure: the page passes the absolute URL (from APP_URL) and, once a recipe has one, its photo.

export type StructuredRecipe = {
  id: number;
  title: string;
  summary: string;
  authorName: string | null;
  createdAt: Date;
  servings: number;
  prepMinutes: number;
  cookMinutes: number;
  ingredients: readonly Pick<RecipeIngredient, "line">[];
  steps: readonly string[];
};

/** 90 → "PT1H30M", 45 → "PT45M"; null for no time (a zero is left out, never "PT0M"). */
export function isoDuration(minutes: number): string | null {
  if (!Number.isFinite(minutes) || minutes <= 0) return null;
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return `PT${hours ? `${hours}H` : ""}${rest ? `${rest}M` : ""}`;
}

/** The Recipe object; `imageUrl` (absolute) is added when there is a photo. */
export function recipeStructuredData(recipe: StructuredRecipe, { url, imageUrl }: { url: string; imageUrl?: string | null }) {
  const times = {
    prepTime: isoDuration(recipe.prepMinutes),
    cookTime: isoDuration(recipe.cookMinutes),
    totalTime: isoDuration(recipe.prepMinutes + recipe.cookMinutes),
  };
  return {
    "@context": "https://schema.org",
    "@type": "Recipe",
    name: recipe.title,
    ...(recipe.summary.trim() ? { description: recipe.summary.trim() } : {}),
    ...(imageUrl ? { image: [imageUrl] } : {}),
    author: { "@type": "Person", name: recipe.authorName ?? "Pantry kitchen" },
    datePublished: recipe.createdAt.toISOString().slice(0, 10),
    recipeYield: `${recipe.servings} ${recipe.servings === 1 ? "serving" : "servings"}`,
    ...Object.fromEntries(Object.entries(times).filter(([, value]) => value !== null)),
    recipeIngredient: recipe.ingredients.map((ingredient) => ingredient.line).filter((line) => line.trim() !== ""),
    recipeInstructions: recipe.steps.map((text) => ({ "@type": "HowToStep", text })),
    url,
  };
}

/**
 * JSON for a <script type="application/ld+json">: "<" and ">" (so no text can close the script
 * or open a comment), "&" and the line separators U+2028/U+2029 escaped as \u sequences, which
 * JSON reads back as the same characters.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
