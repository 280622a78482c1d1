import { sql, type SQL } from "drizzle-orm";
import { PANTRY_STAPLES } from "./ingredients";
import type { Database } from "@/db/client";
import { rankingTerms, textArray, TOTAL_CAP, type Hits } from "./search-walk";

/**
 * The plain ranking query: finds every recipe with at least one typed name through the GIN index
 * on ingredient_names, counts used and missing for each, sorts them all. Ranking every candidate
 * is slow for common names, so the site uses it only when the typed names' lists are short
 * (plainHits); it is also the reference the fast search must agree with in the tests, and the
 * baseline of bench/search.ts. Same order as the walk: used desc, missing asc, id desc, over the
 * same rankingTerms.
 */
export function plainSearchQuery(
  terms: readonly string[],
  { assumeStaples, offset = 0, limit = 20 }: { assumeStaples: boolean; offset?: number; limit?: number },
): SQL {
  const typed = textArray(rankingTerms(terms, assumeStaples));
  const staples = textArray(assumeStaples ? [...PANTRY_STAPLES] : []);
  return sql`
    SELECT id, used::int, missing::int, count(*) OVER ()::int AS total
    FROM (
      SELECT r.id,
        (SELECT count(*) FROM unnest(r.ingredient_names) AS n WHERE n = ANY(${typed})) AS used,
        (SELECT count(*) FROM unnest(r.ingredient_names) AS n WHERE NOT (n = ANY(${typed})) AND NOT (n = ANY(${staples}))) AS missing
      FROM recipes r
      WHERE r.ingredient_names && ${typed}
    ) ranked
    ORDER BY used DESC, missing ASC, id DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];

/** The first `count` results by the plain query, in one statement, with the total. */
export async function plainHits(db: Database, terms: readonly string[], { assumeStaples, count }: { assumeStaples: boolean; count: number }): Promise<Hits> {
  const rows = rowsOf(await db.execute(plainSearchQuery(terms, { assumeStaples, limit: count })));
  const total = Number(rows[0]?.total ?? 0);
  return {
    hits: rows.map((row) => ({ id: Number(row.id), used: Number(row.used), missing: Number(row.missing) })),
    total: Math.min(total, TOTAL_CAP),
    totalCapped: total > TOTAL_CAP,
  };
}
