import type { Metadata } from "next";
import type { RecipeWithAuthor } from "@/core/recipes/queries";
import type { RecipePhoto } from "@/infra/db/schema";
import { photoPath } from "@/core/photos/rules";
import { siteOrigin } from "@/infra/env";

/** How many ingredient names a description built from them lists before "and N more". */
const NAMED_IN_DESCRIPTION = 4;

/** The absolute address of a recipe: always APP_URL's origin, never the request's Host. */
export const recipeUrl = (id: number) => `${siteOrigin}/recipes/${id}`;

/** The photo's largest stored size, absolute, for sharing cards and search engines; none without a photo. */
export function recipeImageUrl(photo: RecipePhoto | null): string | null {
  if (!photo || photo.widths.length === 0) return null;
  return `${siteOrigin}${photoPath(photo.id, Math.max(...photo.widths))}`;
}

/** The summary, or a sentence from what goes in it: "A recipe with chicken thigh, rice, leek and 2 more. Serves 4." */
export function recipeDescription(recipe: Pick<RecipeWithAuthor, "summary" | "ingredients" | "servings">): string {
  const summary = recipe.summary.trim();
  if (summary) return summary;
  const names = [...new Set(recipe.ingredients.map((ingredient) => ingredient.name).filter(Boolean))];
  const shown = names.slice(0, NAMED_IN_DESCRIPTION);
  const more = names.length - shown.length;
  const list =
    more > 0
      ? `${shown.join(", ")} and ${more} more`
      : shown.length > 1
        ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`
        : shown[0];
  const serves = `Serves ${recipe.servings}.`;
  return list ? `A recipe with ${list}. ${serves}` : `A recipe on Pantry. ${serves}`;
}

/**
 * A recipe page's title, description, canonical address and sharing cards, in one place. With a
 * photo (`imageUrl`, absolute) the cards carry it and Twitter's becomes the large-image card.
 */
export function recipeMetadata(recipe: RecipeWithAuthor, { imageUrl }: { imageUrl?: string | null } = {}): Metadata {
  const path = `/recipes/${recipe.id}`;
  const description = recipeDescription(recipe);
  return {
    title: recipe.title,
    description,
    alternates: { canonical: path },
    openGraph: {
      type: "article",
      url: recipeUrl(recipe.id),
      siteName: "Pantry",
      title: recipe.title,
      description,
      ...(imageUrl ? { images: [{ url: imageUrl }] } : {}),
    },
    twitter: imageUrl
      ? { card: "summary_large_image", title: recipe.title, description, images: [imageUrl] }
      : { card: "summary", title: recipe.title, description },
  };
}
