import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/infra/db";
import { createSlots } from "@/infra/slots";
import { PANTRY_STAPLES } from "@/core/search/staples";
import { describeTerms, rankingTerms, TOTAL_CAP, walkSearch } from "./walk";

export const PAGE_SIZE = 20;
/** The walk's work grows with page × PAGE_SIZE; past the best 200 a cook narrows the search instead. */
export const MAX_SEARCH_PAGE = 10;

/** A flood of costly searches waits here, not on every pooled connection while logins and pages wait behind it. */
const searchSlots = createSlots(4);
export { TOTAL_CAP };

export type SearchResult = {
  id: number;
  title: string;
  summary: string;
  totalMinutes: number;
  /** The searched-for ingredients (SearchPage.searchedFor) this recipe uses. */
  used: string[];
  /** What else it needs (pantry staples left out when they are assumed). */
  missing: string[];
};

export type SearchPage = {
  results: SearchResult[];
  /** Exact up to TOTAL_CAP; past it `total` is TOTAL_CAP, `totalCapped` true, and the pages cover the best TOTAL_CAP. Without terms: every recipe. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageCount: number;
  /** More results exist than the pages an ingredient search may reach (MAX_SEARCH_PAGE). */
  pagesCapped: boolean;
  /** The typed names that rank the results: without the typed staples when staples are assumed. */
  searchedFor: string[];
  /** Typed staples left out of the ranking because staples are assumed. */
  ignoredStaples: string[];
};

type RecipeRow = { id: number; title: string; summary: string; total_minutes: number; ingredient_names: string[] };

const pageCountOf = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** Ranked like Spoonacular's search by ingredients: most typed ingredients used, fewest missing (staples never, when assumed), newest. No terms: newest. */
export async function searchRecipes(db: Db, terms: readonly string[], { assumeStaples = true, page = 1 } = {}): Promise<SearchPage> {
  if (terms.length === 0) {
    const current = Math.max(1, page);
    return newestRecipes(db, current, (current - 1) * PAGE_SIZE);
  }
  const current = Math.min(Math.max(1, page), MAX_SEARCH_PAGE);
  const offset = (current - 1) * PAGE_SIZE;

  const searchedFor = rankingTerms(terms, assumeStaples);
  const ignoredStaples = [...new Set(terms)].filter((term) => !searchedFor.includes(term));
  const { hits, total, totalCapped } = await searchSlots.run(async () =>
    walkSearch(db, await describeTerms(db, searchedFor), { assumeStaples, count: offset + PAGE_SIZE }),
  );
  const pageHits = hits.slice(offset, offset + PAGE_SIZE);
  const pageRows = pageHits.length
    ? rows<RecipeRow>(
        await db.execute(sql`
          SELECT id, title, summary, prep_minutes + cook_minutes AS total_minutes, ingredient_names
          FROM recipes WHERE id IN (${sql.join(
            pageHits.map((hit) => sql`${hit.id}`),
            sql`, `,
          )})`),
      )
    : [];
  const byId = new Map(pageRows.map((row) => [row.id, row]));
  const typed = new Set(terms);
  return {
    results: pageHits.flatMap((hit) => {
      const row = byId.get(hit.id);
      if (!row) return []; // deleted between the walk and this read
      return [
        {
          id: row.id,
          title: row.title,
          summary: row.summary,
          totalMinutes: Number(row.total_minutes),
          used: searchedFor.filter((term) => row.ingredient_names.includes(term)),
          missing: row.ingredient_names.filter((name) => !typed.has(name) && !(assumeStaples && PANTRY_STAPLES.has(name))),
        },
      ];
    }),
    total,
    totalCapped,
    page: current,
    pageCount: Math.min(pageCountOf(total), MAX_SEARCH_PAGE),
    pagesCapped: pageCountOf(total) > MAX_SEARCH_PAGE,
    searchedFor,
    ignoredStaples,
  };
}

async function newestRecipes(db: Db, current: number, offset: number): Promise<SearchPage> {
  const recipeRows = rows<RecipeRow>(
    await db.execute(sql`
      SELECT id, title, summary, prep_minutes + cook_minutes AS total_minutes, ingredient_names
      FROM recipes ORDER BY created_at DESC, id DESC LIMIT ${PAGE_SIZE} OFFSET ${offset}`),
  );
  const [count] = rows<{ total: number }>(await db.execute(sql`SELECT count(*)::int AS total FROM recipes`));
  const total = Number(count?.total ?? 0);
  const results = recipeRows.map((row) => ({
    id: row.id,
    title: row.title,
    summary: row.summary,
    totalMinutes: Number(row.total_minutes),
    used: [],
    missing: row.ingredient_names.filter((name) => !PANTRY_STAPLES.has(name)),
  }));
  return {
    results,
    total,
    totalCapped: false,
    page: current,
    pageCount: pageCountOf(total),
    pagesCapped: false,
    searchedFor: [],
    ignoredStaples: [],
  };
}
