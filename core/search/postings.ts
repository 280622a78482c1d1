import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/infra/db";
import { PANTRY_STAPLES } from "@/core/search/staples";

// Every write of a recipe's ingredient names goes through here, in the recipe's transaction, so
// the search never sees a recipe without its postings. No "server-only": scripts run by tsx and
// the benchmark use it too.

/** A name's signature bit (first byte of its md5, mod 64), computed only in SQL (here and in migration 0004) so all agree. */
export const nameBit = (name: SQL): SQL => sql`(1::bigint << (get_byte(decode(md5(${name}), 'hex'), 0) & 63))`;

/** The signature of a text[] of names: the OR of their bits. */
const signatureOf = (names: SQL): SQL => sql`(SELECT coalesce(bit_or(${nameBit(sql`s`)}), 0) FROM unnest(${names}) AS s)`;

/** Adds `delta` to each name's count and returns every name's id; sorted, so concurrent writers lock rows in one order. */
async function bumpStats(db: Db, names: readonly string[], delta: 1 | -1): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + delta);
  const changes = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, change]) => ({ name, change }));
  // A removal never creates a row; counts never go below zero.
  const written = rows<{ name: string; id: number }>(
    await db.execute(sql`
      INSERT INTO ingredient_stats (name, recipe_count)
      SELECT x.name, x.change FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS x(name text, change int)
      WHERE x.change > 0 OR EXISTS (SELECT 1 FROM ingredient_stats s WHERE s.name = x.name)
      ORDER BY x.name
      ON CONFLICT (name) DO UPDATE SET recipe_count = greatest(ingredient_stats.recipe_count + EXCLUDED.recipe_count, 0)
      RETURNING name, id`),
  );
  return new Map(written.map((row) => [row.name, Number(row.id)]));
}

/** Writes the postings of freshly inserted recipes (call in the transaction that inserted them). */
export async function addPostings(db: Db, entries: readonly { recipeId: number; names: readonly string[] }[]): Promise<void> {
  const distinct = entries
    .map(({ recipeId, names }) => ({ recipeId, names: [...new Set(names.filter(Boolean))] }))
    .filter((recipe) => recipe.names.length > 0);
  if (distinct.length === 0) return;
  const ids = await bumpStats(
    db,
    distinct.flatMap((recipe) => recipe.names),
    1,
  );
  const recipes = distinct.map(({ recipeId, names }) => ({
    recipeId,
    names,
    nonstapleCount: names.filter((name) => !PANTRY_STAPLES.has(name)).length,
    nameIds: names.map((name) => ids.get(name)!).sort((a, b) => a - b),
  }));
  await db.execute(sql`
    INSERT INTO recipe_ingredients (recipe_id, name, ingredient_count, nonstaple_count, signature, name_ids)
    SELECT x."recipeId", n.name, cardinality(x.names), x."nonstapleCount", ${signatureOf(sql`x.names`)}, x."nameIds"
    FROM jsonb_to_recordset(${JSON.stringify(recipes)}::jsonb) AS x("recipeId" int, names text[], "nonstapleCount" int, "nameIds" int[])
    CROSS JOIN LATERAL unnest(x.names) AS n(name)`);
}

/** Removes a recipe's postings (before deleting it, or before writing its new names). */
export async function removePostings(db: Db, recipeId: number): Promise<void> {
  const removed = rows<{ name: string }>(
    await db.execute(sql`DELETE FROM recipe_ingredients WHERE recipe_id = ${recipeId} RETURNING name`),
  );
  await bumpStats(
    db,
    removed.map((row) => row.name),
    -1,
  );
}
