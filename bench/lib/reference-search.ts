import { sql, type SQL } from "drizzle-orm";
import { textArray } from "@/core/search/walk";

/**
 * The plain ranking query: reads every recipe with a line that a typed name covers, resolves its
 * ingredient_names through the `ingredients` table (each name's lineage: itself and its kinds;
 * staple; diet facts), keeps those that use a typed name and pass the exclusions and diets, counts
 * used and missing for each, and sorts them all. Written from the rule, not from the walk's postings: the reference the fast search
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
  if (typed.length > 31) throw new Error("plainSearchQuery: at most 31 typed names (one bit each)");
  const names = textArray(typed);
  const excluded = textArray(without);
  // Only a recipe with a line that a typed name covers can use one: those lines' names are the typed names and the
  // entries with a typed name in their lineage, so recipes_ingredient_names_idx (GIN) finds the candidates. Each
  // dictionary entry gets one bit per typed name in its lineage; a recipe uses as many typed names as its lines' bits
  // OR together, and misses the lines with none. One pass over the candidates' lines: at 100,000 recipes, reading every
  // recipe and counting distinct names in a second pass took seconds per search.
  return sql`
    WITH typed AS (SELECT t, 1 << (o::int - 1) AS bit FROM unnest(${names}) WITH ORDINALITY AS u(t, o)),
    facts AS MATERIALIZED (
      SELECT i.name, i.staple, i.diet_flags AS diet, i.lineage && ${excluded} AS excluded,
        (SELECT coalesce(bit_or(bit), 0) FROM typed WHERE t = ANY(i.lineage)) AS bits
      FROM ingredients i),
    candidates AS (
      SELECT r.id, r.ingredient_names FROM recipes r
      WHERE r.ingredient_names && (ARRAY(SELECT f.name FROM facts f WHERE f.bits <> 0) || ${names})),
    lines AS (
      SELECT r.id, coalesce(f.bits, (SELECT coalesce(bit_or(bit), 0) FROM typed WHERE t = n)) AS bits,
        coalesce(f.staple, false) AS staple, coalesce(f.diet, 0) AS diet, coalesce(f.excluded, n = ANY(${excluded})) AS excluded
      FROM candidates r CROSS JOIN LATERAL unnest(r.ingredient_names) AS n LEFT JOIN facts f ON f.name = n),
    per_recipe AS (
      SELECT id, bit_count(bit_or(bits)::bit(32)) AS used,
        count(*) FILTER (WHERE bits = 0 AND NOT (${assumeStaples} AND staple)) AS missing,
        bool_or(excluded) AS excluded, bit_or(diet) AS diet
      FROM lines GROUP BY id)
    SELECT id, used::int AS used, missing::int AS missing
    FROM per_recipe
    WHERE used > 0 AND NOT excluded AND (diet & ${dietMask}::int) = 0
    ORDER BY used DESC, missing ASC, id DESC
    LIMIT ${limit} OFFSET ${offset}`;
}
