import type { Metadata } from "next";
import { ingredientNamed, resolveIngredient } from "@/core/ingredients/dictionary";
import { DIET_LABELS, type Diet } from "@/core/search/diets";

type SearchQuery = { terms: readonly string[]; without: readonly string[]; diets: readonly Diet[]; page: number };

/** Titles stay short enough for a tab and a result list: the first few names, then how many more. */
const MAX_NAMED = 4;

/** "chicken", "chicken and rice", "chicken, rice and leek", "a, b, c, d and 2 more" ("or" for exclusions). */
function listOf(names: readonly string[], conjunction: "and" | "or" = "and"): string {
  const shown = names.length > MAX_NAMED ? [...names.slice(0, MAX_NAMED), `${names.length - MAX_NAMED} more`] : [...names];
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} ${conjunction} ${shown.at(-1)}`;
}

/**
 * The home page's title and description for a search, saying what the page lists: recipes using the
 * typed ingredients or, when none of the words is an ingredient, recipes called by them; with the
 * diets and exclusions. The plain home page (no search, no filter, first page) keeps the site's own.
 */
export function searchMetadata({ terms, without, diets, page }: SearchQuery): Metadata | null {
  if (terms.length === 0 && without.length === 0 && diets.length === 0 && page === 1) return null;
  const kind =
    diets.length > 0
      ? `${diets.map((diet, i) => (i === 0 ? DIET_LABELS[diet] : DIET_LABELS[diet].toLowerCase())).join(", ")} recipes`
      : "Recipes";
  const byName = terms.length > 0 && !terms.some((term) => ingredientNamed(resolveIngredient(term)));
  const what = terms.length === 0 ? "" : byName ? ` called “${terms.join(" ")}”` : ` with ${listOf(terms)}`;
  const exclusions = without.length > 0 ? `${what ? "," : ""} without ${listOf(without, "or")}` : "";
  const pageNote = page > 1 ? ` (page ${page})` : "";
  const title = `${kind}${what}${exclusions}${pageNote}`;

  const lower = kind.charAt(0).toLowerCase() + kind.slice(1);
  const description =
    terms.length === 0
      ? `The newest ${lower}${exclusions} on Pantry.`
      : byName
        ? `Pantry's ${lower} whose name matches “${terms.join(" ")}”${exclusions}.`
        : `Pantry's ${lower} that use ${listOf(terms)}${exclusions}${terms.length > 1 ? ", those using all of them first" : ""}, with what else each one needs.`;
  // Absolute: the layout's title template does not reach a page of its own route segment.
  return { title: { absolute: `${title} · Pantry` }, description };
}
