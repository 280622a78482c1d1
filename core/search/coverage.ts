import { covers, isStapleIngredient } from "@/core/ingredients/dictionary";
import { resolveTypedTerms } from "./typed-terms";

// The one rule for "what of this recipe do you have": the search's cards (used, missing) and the
// recipe page reached from a search (a mark on each line) both read it from here.

/**
 * The canonical ingredients that rank a search: the typed ones without the staples when staples
 * are assumed (they would match nearly everything), unless nothing else was typed.
 */
export function rankingTerms(terms: readonly string[], assumeStaples: boolean): string[] {
  const distinct = [...new Set(terms)];
  if (!assumeStaples) return distinct;
  const others = distinct.filter((name) => !isStapleIngredient(name));
  return others.length > 0 ? others : distinct;
}

/** What a search typed as `terms` (parseIngredientQuery) ranks by: resolved, then ranking terms. */
export function searchedForOf(terms: readonly string[], assumeStaples: boolean): string[] {
  return rankingTerms(resolveTypedTerms(terms), assumeStaples);
}

export type Coverage = { searchedFor: readonly string[]; assumeStaples: boolean };

export type IngredientMark = "have" | "missing";

/**
 * A recipe ingredient (its stored canonical name) is had when a searched-for name covers it
 * ("chicken" covers chicken thigh, "prawn" is what "shrimp" resolves to) or when it is a staple and
 * staples are assumed; otherwise it is missing. null for a line that names nothing (a heading).
 */
export function markIngredient(name: string, { searchedFor, assumeStaples }: Coverage): IngredientMark | null {
  if (name === "") return null;
  if (searchedFor.some((term) => covers(term, name))) return "have";
  if (assumeStaples && isStapleIngredient(name)) return "have";
  return "missing";
}

/** A search card's two lists: the searched-for names the recipe uses, and its names still missing (staples left out when assumed). */
export function usedAndMissing(names: readonly string[], coverage: Coverage): { used: string[]; missing: string[] } {
  return {
    used: coverage.searchedFor.filter((term) => names.some((name) => covers(term, name))),
    missing: names.filter((name) => markIngredient(name, coverage) === "missing"),
  };
}
