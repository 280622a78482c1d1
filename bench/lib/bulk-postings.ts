import { sql } from "drizzle-orm";
import { nameBit } from "@/core/search/postings";
import type { Db } from "@/infra/db";

/**
 * Derives the postings of recipes `fromId`..`toId` in the database from their ingredient_names and
 * the `ingredients` table (load it first with syncDictionary), as addPostings would, without
 * shipping the rows back and forth: each ingredient posts itself and its kinds, with how many of
 * the recipe's ingredients each covers. Relies on ingredient_names holding distinct, non-empty
 * names, as toIngredientRecords and the generator write them. Call rebuildStats once the load is done.
 */
export async function derivePostings(db: Db, fromId: number, toId: number): Promise<void> {
  const leaves = sql`
    SELECT r.id, coalesce(i.lineage, ARRAY[x]) AS lineage, coalesce(i.staple, false) AS staple, coalesce(i.diet_flags, 0) AS diet
    FROM recipes r CROSS JOIN LATERAL unnest(r.ingredient_names) AS x LEFT JOIN ingredients i ON i.name = x
    WHERE r.id BETWEEN ${fromId} AND ${toId}`;
  await db.execute(sql`
    INSERT INTO ingredient_stats (name, recipe_count)
    SELECT DISTINCT p, 0 FROM (${leaves}) l CROSS JOIN LATERAL unnest(l.lineage) AS p
    ON CONFLICT (name) DO NOTHING`);
  await db.execute(sql`
    WITH leaf AS MATERIALIZED (${leaves}),
    recipe AS (
      SELECT id, count(*)::int AS ingredients, (count(*) FILTER (WHERE NOT staple))::int AS nonstaple, bit_or(diet)::int AS diet
      FROM leaf GROUP BY id),
    posting AS (
      SELECT l.id, p AS name, st.id AS name_id,
        least(count(*) FILTER (WHERE NOT l.staple), 255)::int | (least(count(*), 255)::int << 8) AS covers
      FROM leaf l CROSS JOIN LATERAL unnest(l.lineage) AS p JOIN ingredient_stats st ON st.name = p
      GROUP BY l.id, p, st.id),
    summary AS (
      SELECT id, coalesce(bit_or(${nameBit(sql`name`)}), 0) AS signature,
        array_agg(name_id ORDER BY name_id) AS ids, array_agg(covers ORDER BY name_id) AS covers
      FROM posting GROUP BY id),
    flagged AS (UPDATE recipes r SET diet_flags = recipe.diet FROM recipe WHERE r.id = recipe.id)
    INSERT INTO recipe_ingredients (recipe_id, name, ingredient_count, nonstaple_count, signature, name_ids, name_covers, diet_flags)
    SELECT p.id, p.name, r.ingredients, r.nonstaple, s.signature, s.ids, s.covers, r.diet
    FROM posting p JOIN recipe r ON r.id = p.id JOIN summary s ON s.id = p.id`);
}

/** Recounts ingredient_stats (recipes and widest cover per name) from the postings after a bulk load; ids stay as they are. */
export async function rebuildStats(db: Db): Promise<void> {
  await db.execute(sql`
    UPDATE ingredient_stats s SET recipe_count = c.n, max_covers = greatest(c.widest, 1)
    FROM (
      SELECT ri.name, count(*)::int AS n, max(ri.name_covers[array_position(ri.name_ids, st.id)] >> 8)::int AS widest
      FROM recipe_ingredients ri JOIN ingredient_stats st ON st.name = ri.name GROUP BY ri.name) c
    WHERE c.name = s.name`);
}
