// The one place that knows the search API: `npm run relevance` calls runQuery for each judged query.
// Written for the dictionary search's searchRecipes(db, { ingredients, without, diets, assumeStaples, page }).
import { searchRecipes } from "@/core/search/search";
import type { Db } from "@/infra/db";
import type { JudgedQuery } from "./judgements";

/** Query fields this search ignores; the report marks the shapes that rely on them. */
export const unsupported: readonly ("without" | "diets")[] = [];

/** Every title the search returns for `q`, all pages, in rank order. */
export async function runQuery(db: Db, q: JudgedQuery): Promise<string[]> {
  const titles: string[] = [];
  for (let page = 1; ; page++) {
    const found = await searchRecipes(db, {
      ingredients: q.ingredients,
      without: q.without,
      diets: q.diets,
      assumeStaples: q.assumeStaples ?? true,
      page,
    });
    titles.push(...found.results.map((result) => result.title));
    if (page >= found.pageCount || found.results.length === 0) return titles;
  }
}
