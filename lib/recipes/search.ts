import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { PANTRY_STAPLES } from "./ingredients";

export const PAGE_SIZE = 20;

export type SearchResult = {
  id: number;
  title: string;
  summary: string;
  totalMinutes: number;
  /** The typed ingredients this recipe uses. */
  used: string[];
  /** What else it needs (pantry staples left out when they are assumed). */
  missing: string[];
};

export type SearchPage = { results: SearchResult[]; total: number; page: number; pageCount: number };

type Row = { id: number; title: string; summary: string; total_minutes: number; ingredient_names: string[]; total: number };

const textArray = (values: readonly string[]): SQL =>
  values.length === 0 ? sql`'{}'::text[]` : sql`ARRAY[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]`;

function rowsOf(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/**
 * The ranking query: first by how many typed ingredients a recipe uses, then by how few more it
 * needs (like Spoonacular's search by ingredients); pantry staples never count as missing when
 * `assumeStaples` is on. Candidates are the recipes using at least one typed ingredient, found
 * through the GIN index on ingredient_names. No terms: the newest recipes.
 */
export function searchQuery(terms: readonly string[], { assumeStaples, offset }: { assumeStaples: boolean; offset: number }): SQL {
  if (terms.length === 0) {
    return sql`
      SELECT id, title, summary, prep_minutes + cook_minutes AS total_minutes, ingredient_names, count(*) OVER ()::int AS total
      FROM recipes
      ORDER BY created_at DESC, id DESC
      LIMIT ${PAGE_SIZE} OFFSET ${offset}`;
  }
  const typed = textArray(terms);
  const staples = textArray(assumeStaples ? [...PANTRY_STAPLES] : []);
  return sql`
    SELECT id, title, summary, total_minutes, ingredient_names, count(*) OVER ()::int AS total
    FROM (
      SELECT r.id, r.title, r.summary, r.created_at, r.prep_minutes + r.cook_minutes AS total_minutes, r.ingredient_names,
        (SELECT count(*) FROM unnest(r.ingredient_names) AS n WHERE n = ANY(${typed})) AS used,
        (SELECT count(*) FROM unnest(r.ingredient_names) AS n WHERE NOT (n = ANY(${typed})) AND NOT (n = ANY(${staples}))) AS missing
      FROM recipes r
      WHERE r.ingredient_names && ${typed}
    ) ranked
    ORDER BY used DESC, missing ASC, created_at DESC, id DESC
    LIMIT ${PAGE_SIZE} OFFSET ${offset}`;
}

export async function searchRecipes(db: Database, terms: readonly string[], { assumeStaples = true, page = 1 } = {}): Promise<SearchPage> {
  const current = Math.max(1, page);
  const offset = (current - 1) * PAGE_SIZE;
  const rows = rowsOf(await db.execute(searchQuery(terms, { assumeStaples, offset })));
  const total = rows[0] ? Number(rows[0].total) : offset > 0 ? await countMatches(db, terms) : 0;
  const typed = new Set(terms);
  return {
    results: rows.map((row) => ({
      id: row.id,
      title: row.title,
      summary: row.summary,
      totalMinutes: Number(row.total_minutes),
      used: terms.filter((term) => row.ingredient_names.includes(term)),
      missing: row.ingredient_names.filter((name) => !typed.has(name) && !(assumeStaples && PANTRY_STAPLES.has(name))),
    })),
    total,
    page: current,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

// A page past the end has no rows to carry the window count.
async function countMatches(db: Database, terms: readonly string[]): Promise<number> {
  const where = terms.length === 0 ? sql`` : sql`WHERE ingredient_names && ${textArray(terms)}`;
  const rows = rowsOf(await db.execute(sql`SELECT count(*)::int AS total FROM recipes ${where}`));
  return Number(rows[0]?.total ?? 0);
}
