import { sql, type SQL } from "drizzle-orm";
import { textArray } from "@/core/search/walk";

/**
 * The plain ranking query: reads every recipe, resolves its ingredient_names through the
 * `ingredients` table (each name's lineage: itself and its kinds; staple; diet facts), keeps those
 * that use a typed name and pass the exclusions and diets, counts used and missing for each, and
 * sorts them all. Written from the rule, not from the walk's postings: the reference the fast search
 * must agree with in the tests, and the baseline of bench/search.ts. Same order as the walk: used
 * desc, missing asc, id desc. `typed` and `without` are canonical (resolveTypedTerms, rankingTerms).
 */
export function plainSearchQuery(
  typed: readonly string[],
  {
    assumeStaples,
    without = [],
    dietMask = 0,
    offset = 0,
    limit = 20,
  }: { assumeStaples: boolean; without?: readonly string[]; dietMask?: number; offset?: number; limit?: number },
): SQL {
  const names = textArray(typed);
  return sql`
    WITH lines AS (
      SELECT r.id, coalesce(i.lineage, ARRAY[n]) AS lineage, coalesce(i.staple, false) AS staple, coalesce(i.diet_flags, 0) AS diet
      FROM recipes r CROSS JOIN LATERAL unnest(r.ingredient_names) AS n LEFT JOIN ingredients i ON i.name = n),
    per_recipe AS (
      SELECT id,
        count(*) FILTER (WHERE NOT (lineage && ${names}) AND NOT (${assumeStaples} AND staple)) AS missing,
        bool_or(lineage && ${textArray(without)}) AS excluded,
        bit_or(diet) AS diet
      FROM lines GROUP BY id),
    uses AS (
      SELECT l.id, count(DISTINCT t) AS used FROM lines l CROSS JOIN LATERAL unnest(l.lineage) AS t WHERE t = ANY(${names}) GROUP BY l.id)
    SELECT p.id, u.used::int AS used, p.missing::int AS missing
    FROM per_recipe p JOIN uses u ON u.id = p.id
    WHERE NOT p.excluded AND (p.diet & ${dietMask}::int) = 0
    ORDER BY used DESC, missing ASC, id DESC
    LIMIT ${limit} OFFSET ${offset}`;
}
