import { sql } from "drizzle-orm";
import { nameBit } from "@/core/search/postings";
import { PANTRY_STAPLES } from "@/core/search/staples";
import type { Db } from "@/infra/db";

/**
 * Derives the postings of recipes
 * `fromId`..`toId` in the database from their ingredient_names, as addPostings would, without
 * shipping the rows back and forth. Relies on ingredient_names holding distinct, non-empty names,
 * as toIngredientRecords and the generator write them (the migration's backfill does not assume it).
 * Call rebuildStats once the load is done.
 */
export async function derivePostings(db: Db, fromId: number, toId: number): Promise<void> {
  const staples = JSON.stringify([...PANTRY_STAPLES]);
  await db.execute(sql`
    INSERT INTO ingredient_stats (name, recipe_count)
    SELECT DISTINCT x, 0 FROM recipes r CROSS JOIN LATERAL unnest(r.ingredient_names) AS x
    WHERE r.id BETWEEN ${fromId} AND ${toId}
    ON CONFLICT (name) DO NOTHING`);
  await db.execute(sql`
    WITH staples AS MATERIALIZED (SELECT ARRAY(SELECT jsonb_array_elements_text(${staples}::jsonb)) AS names)
    INSERT INTO recipe_ingredients (recipe_id, name, ingredient_count, nonstaple_count, signature, name_ids)
    SELECT r.id, n.name, cardinality(r.ingredient_names), cardinality(r.ingredient_names) - c.staples, c.signature, c.ids
    FROM recipes r CROSS JOIN staples s
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE x = ANY (s.names))::int AS staples, coalesce(bit_or(${nameBit(sql`x`)}), 0) AS signature,
        array_agg(st.id ORDER BY st.id) AS ids
      FROM unnest(r.ingredient_names) AS x JOIN ingredient_stats st ON st.name = x
    ) c
    CROSS JOIN LATERAL unnest(r.ingredient_names) AS n(name)
    WHERE r.id BETWEEN ${fromId} AND ${toId}`);
}

/** Recounts ingredient_stats from the postings (after a bulk load); ids stay as they are. */
export async function rebuildStats(db: Db): Promise<void> {
  await db.execute(sql`
    UPDATE ingredient_stats s SET recipe_count = c.n
    FROM (SELECT name, count(*)::int AS n FROM recipe_ingredients GROUP BY name) c
    WHERE c.name = s.name AND s.recipe_count <> c.n`);
}
