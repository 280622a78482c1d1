import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/infra/db";
import type { RecipePhoto } from "@/infra/db/schema";
import type { Diet } from "./diets";
import { dietMask, resolveTypedTerms } from "./typed-terms";
import { rankingTerms, usedAndMissing } from "./coverage";
import { searchSlotsFor } from "./search-slots";
import { describeTerms, textArray, TOTAL_CAP, walkSearch, type Filters, type Term } from "./walk";

export const PAGE_SIZE = 20;
/** The walk's work grows with page × PAGE_SIZE; past the best 200 a cook narrows the search instead. */
export const MAX_SEARCH_PAGE = 10;
/** Typed exclusions beyond this are ignored (each is one more test in every posting read). */
export const MAX_EXCLUSIONS = 12;

export { TOTAL_CAP };

export type SearchQuery = {
  /** What the cook has, as typed (parseIngredientQuery): resolved here to canonical ingredients. */
  ingredients: readonly string[];
  /** Ingredients no result may contain, nor any kind of them ("nuts" rules out almonds). */
  without?: readonly string[];
  diets?: readonly Diet[];
  /** Pantry staples never count as missing (Spoonacular's ignorePantry); on unless unticked. */
  assumeStaples?: boolean;
  page?: number;
};

export type SearchResult = {
  id: number;
  title: string;
  summary: string;
  totalMinutes: number;
  /** Its photo, or null for the placeholder. */
  photo: RecipePhoto | null;
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
  /** Of `total`, how many recipes use every searched-for ingredient, and how many use exactly one; null when capped. */
  useAll: number | null;
  useOne: number | null;
  page: number;
  pageCount: number;
  /** More results exist than the pages an ingredient search may reach (MAX_SEARCH_PAGE). */
  pagesCapped: boolean;
  /** The canonical ingredients that rank the results: without the typed staples when staples are assumed. */
  searchedFor: string[];
  /** Typed staples left out of the ranking because staples are assumed. */
  ignoredStaples: string[];
  /** The exclusions applied, as canonical ingredients. */
  without: string[];
  diets: Diet[];
};

type RecipeRow = {
  id: number;
  title: string;
  summary: string;
  total_minutes: number;
  ingredient_names: string[];
  photo: RecipePhoto | null;
};

const pageCountOf = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** The exclusions' ids (only names some recipe has can exclude anything) and the diets' mask. */
function filtersFor(excluded: readonly Term[], diets: readonly Diet[]): Filters {
  return { excludedIds: excluded.filter((term) => term.count > 0).map((term) => term.id), dietMask: dietMask(diets) };
}

/** A page's recipe as one value (over recipes r), read by the walk's statement that ranks it. */
const pageRow = sql`jsonb_build_object('id', r.id, 'title', r.title, 'summary', r.summary,
  'total_minutes', r.prep_minutes + r.cook_minutes, 'ingredient_names', r.ingredient_names, 'photo', r.photo)`;

/**
 * Ranked like Spoonacular's search by ingredients, on canonical ingredients: most typed ingredients
 * used, then fewest missing (staples never, when assumed), then newest. A typed kind covers every
 * kind and form of it ("chicken" is used by chicken thigh). No ingredients: newest, filtered.
 */
export async function searchRecipes(db: Db, query: SearchQuery): Promise<SearchPage> {
  const { assumeStaples = true, page = 1 } = query;
  const typed = resolveTypedTerms(query.ingredients);
  const without = resolveTypedTerms(query.without ?? []).slice(0, MAX_EXCLUSIONS);
  const diets = [...new Set(query.diets ?? [])];
  if (typed.length === 0) {
    const current = Math.max(1, page);
    return newestRecipes(db, { without, diets, page: current });
  }
  const current = Math.min(Math.max(1, page), MAX_SEARCH_PAGE);
  const offset = (current - 1) * PAGE_SIZE;

  const searchedFor = rankingTerms(typed, assumeStaples);
  const ignoredStaples = typed.filter((term) => !searchedFor.includes(term));
  // A flood of searches waits for a slot, not on every pooled connection while logins and pages wait behind it.
  const slots = searchSlotsFor({ names: searchedFor.length, page: current });
  const { hits, total, totalCapped, byUsed, pageRows } = await slots.run(async () => {
    // The searched-for and the excluded names in one statement.
    const described = new Map((await describeTerms(db, [...new Set([...searchedFor, ...without])])).map((term) => [term.name, term]));
    const termsOf = (names: readonly string[]) => names.map((name) => described.get(name)!);
    return walkSearch(db, termsOf(searchedFor), {
      assumeStaples,
      count: offset + PAGE_SIZE,
      filters: filtersFor(termsOf(without), diets),
      page: { offset, size: PAGE_SIZE, row: pageRow },
    });
  });
  const pageHits = hits.slice(offset, offset + PAGE_SIZE);
  // The walk reads the page's recipes with the statement that ranks them; a hit from a statement that ranks in memory is read here.
  const unread = pageHits.filter((hit) => !pageRows.has(hit.id)).map((hit) => hit.id);
  const byId = new Map<number, RecipeRow | null>(
    [...pageRows].map(([id, row]) => [id, row === null ? null : { ...(row as RecipeRow), id: Number((row as RecipeRow).id) }]),
  );
  for (const row of await readRecipes(db, unread)) byId.set(Number(row.id), row);
  return {
    results: pageHits.flatMap((hit) => {
      const row = byId.get(hit.id);
      return row ? [toResult(row, searchedFor, assumeStaples)] : []; // deleted between the walk and this read
    }),
    total,
    totalCapped,
    useAll: totalCapped ? null : (byUsed.get(searchedFor.length) ?? 0),
    useOne: totalCapped ? null : (byUsed.get(1) ?? 0),
    page: current,
    pageCount: Math.min(pageCountOf(total), MAX_SEARCH_PAGE),
    pagesCapped: pageCountOf(total) > MAX_SEARCH_PAGE,
    searchedFor,
    ignoredStaples,
    without,
    diets,
  };
}

/** Used and missing as the walk counts them: an ingredient is used when a searched-for name covers it (core/search/coverage.ts). */
function toResult(row: RecipeRow, searchedFor: readonly string[], assumeStaples: boolean): SearchResult {
  return {
    id: Number(row.id),
    title: row.title,
    summary: row.summary,
    totalMinutes: Number(row.total_minutes),
    photo: row.photo ?? null,
    ...usedAndMissing(row.ingredient_names, { searchedFor, assumeStaples }),
  };
}

async function readRecipes(db: Db, ids: readonly number[]): Promise<RecipeRow[]> {
  if (ids.length === 0) return [];
  return rows<RecipeRow>(
    await db.execute(sql`
      SELECT id, title, summary, prep_minutes + cook_minutes AS total_minutes, ingredient_names, photo
      FROM recipes WHERE id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`),
  );
}

/** The exclusions and diets over recipes rows (alias r); postings carry every kind, so "without nuts" finds the almonds. */
function recipeFilters(without: readonly string[], diets: readonly Diet[]): SQL {
  const mask = dietMask(diets);
  return sql`${
    without.length > 0
      ? sql`NOT EXISTS (SELECT 1 FROM recipe_ingredients x WHERE x.recipe_id = r.id AND x.name = ANY(${textArray(without)}))`
      : sql`true`
  } AND (r.diet_flags & ${mask}::int) = 0`;
}

async function newestRecipes(db: Db, { without, diets, page }: { without: string[]; diets: Diet[]; page: number }): Promise<SearchPage> {
  const filters = recipeFilters(without, diets);
  const recipeRows = rows<RecipeRow>(
    await db.execute(sql`
      SELECT r.id, r.title, r.summary, r.prep_minutes + r.cook_minutes AS total_minutes, r.ingredient_names, r.photo
      FROM recipes r WHERE ${filters} ORDER BY r.created_at DESC, r.id DESC LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`),
  );
  const [count] = rows<{ total: number }>(await db.execute(sql`SELECT count(*)::int AS total FROM recipes r WHERE ${filters}`));
  const total = Number(count?.total ?? 0);
  return {
    results: recipeRows.map((row) => toResult(row, [], true)),
    total,
    totalCapped: false,
    useAll: null,
    useOne: null,
    page,
    pageCount: pageCountOf(total),
    pagesCapped: false,
    searchedFor: [],
    ignoredStaples: [],
    without,
    diets,
  };
}

export type TitleMatch = { id: number; title: string };

/** Recipes whose title has the words (English stemming: "lasagnes" finds "Lasagne"), best match first, with the same exclusions and diets. */
export async function searchTitles(
  db: Db,
  text: string,
  { without = [], diets = [], limit = 6 }: { without?: readonly string[]; diets?: readonly Diet[]; limit?: number } = {},
): Promise<TitleMatch[]> {
  const words =
    typeof text === "string"
      ? text
          .normalize("NFKC")
          .replace(/[^\p{L}\p{N}\s'-]+/gu, " ")
          .trim()
          .slice(0, 200)
      : "";
  if (words === "") return [];
  const excluded = resolveTypedTerms(without).slice(0, MAX_EXCLUSIONS);
  const found = rows<TitleMatch>(
    await db.execute(sql`
      SELECT r.id, r.title FROM recipes r, websearch_to_tsquery('english', ${words}) AS q
      WHERE r.title_search @@ q AND ${recipeFilters(excluded, diets)}
      ORDER BY ts_rank(r.title_search, q) DESC, r.id DESC LIMIT ${limit}`),
  );
  return found.map((row) => ({ id: Number(row.id), title: row.title }));
}
