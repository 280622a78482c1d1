import { parseIngredientQuery } from "@/core/ingredients/query";
import { isDiet, type Diet } from "./diets";

// The search's query string, read and written in one place: the home page, its pages of results,
// the result cards' links to a recipe and the recipe page's "Back to results" all use these, so a
// search carried to a recipe and back is the same search. Browser-safe (no dictionary).

export type RawSearchParams = Record<string, string | string[] | undefined>;

export type SearchUrlQuery = {
  /** The typed text as posted (only for the search box's own value). */
  text: string;
  terms: string[];
  withoutText: string;
  without: string[];
  diets: Diet[];
  assumeStaples: boolean;
  page: number;
};

const MAX_PAGE = 1000;

const last = (value: string | string[] | undefined) => (Array.isArray(value) ? value.at(-1) : value);
const all = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const commaList = (value: string | string[] | undefined) => all(value).join(",").slice(0, 2000);

/** Reads the shareable query string: ?ingredients=tomato,basil&without=nuts&diet=vegetarian&staples=counted&page=2. */
export function readSearchQuery(params: RawSearchParams): SearchUrlQuery {
  const text = commaList(params.ingredients);
  const withoutText = commaList(params.without);
  const page = Number(last(params.page));
  return {
    text,
    terms: parseIngredientQuery(text),
    withoutText,
    without: parseIngredientQuery(withoutText),
    diets: [...new Set(all(params.diet).filter(isDiet))],
    // The checkbox posts "assumed" after a hidden "counted": the last value wins; absent means assumed.
    assumeStaples: last(params.staples) !== "counted",
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** Whether the query is an ingredient search (what marks a recipe's lines and earns a way back). */
export function isIngredientSearch(query: Pick<SearchUrlQuery, "terms">): boolean {
  return query.terms.length > 0;
}

/**
 * The query's parameters, written from the parsed values only (never the raw input), in a fixed
 * order; `page` is left out on the first page.
 */
export function searchParamsOf(query: Omit<SearchUrlQuery, "text" | "withoutText">, page: number = query.page): URLSearchParams {
  const params = new URLSearchParams();
  if (query.terms.length) params.set("ingredients", query.terms.join(","));
  if (query.without.length) params.set("without", query.without.join(","));
  for (const diet of query.diets) params.append("diet", diet);
  if (!query.assumeStaples) params.set("staples", "counted");
  if (page > 1 && page <= MAX_PAGE) params.set("page", String(page));
  return params;
}

/** The home page's URL for the query (a page of it): always a relative "/" or "/?…". */
export function searchHref(query: Omit<SearchUrlQuery, "text" | "withoutText">, page: number = query.page): string {
  const search = searchParamsOf(query, page).toString();
  return search ? `/?${search}` : "/";
}

/** A recipe's URL carrying the search it was found by (nothing when there was no ingredient search). */
export function recipeHref(id: number, query?: Omit<SearchUrlQuery, "text" | "withoutText">): string {
  const search = query && isIngredientSearch(query) ? searchParamsOf(query).toString() : "";
  return search ? `/recipes/${id}?${search}` : `/recipes/${id}`;
}
