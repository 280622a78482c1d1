import { sql, type SQL } from "drizzle-orm";
import { PANTRY_STAPLES } from "@/core/search/staples";
import { rankingTerms, textArray } from "@/core/search/walk";

/**
 * The plain ranking query: finds every recipe with at least one typed name through the GIN index
 * on ingredient_names, counts used and missing for each, sorts them all. Not used by the site
 * (ranking every candidate is slow; even rare names are faster walked);
 * it is the reference the fast search must agree with in the tests, and the baseline of
 * bench/search.ts. Same order as the walk: used desc, missing asc, id desc, over the
 * same rankingTerms.
 */
export function plainSearchQuery(
  terms: readonly string[],
  { assumeStaples, offset = 0, limit = 20 }: { assumeStaples: boolean; offset?: number; limit?: number },
): SQL {
  const typed = textArray(rankingTerms(terms, assumeStaples));
  const staples = textArray(assumeStaples ? [...PANTRY_STAPLES] : []);
  return sql`
    SELECT id, used::int, missing::int
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
