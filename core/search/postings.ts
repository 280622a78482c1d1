import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/infra/db";
import { dietFlagsOf, isStapleIngredient, lineageOf } from "@/core/ingredients/dictionary";

// Every write of a recipe's ingredient names goes through here, in the recipe's transaction, so
// the search never sees a recipe without its postings. No "server-only": scripts run by tsx and
// the benchmark use it too.

/** A name's signature bit (first byte of its md5, mod 64), computed only in SQL (here and in migration 0004) so all agree. */
export const nameBit = (name: SQL): SQL => sql`(1::bigint << (get_byte(decode(md5(${name}), 'hex'), 0) & 63))`;

/** The signature of a text[] of names: the OR of their bits. */
const signatureOf = (names: SQL): SQL => sql`(SELECT coalesce(bit_or(${nameBit(sql`s`)}), 0) FROM unnest(${names}) AS s)`;

/** A name_covers entry: how many non-staple ingredients a name covers (low byte) and how many in all (next byte). */
export const packCovers = (nonstaple: number, all: number): number => Math.min(nonstaple, 255) | (Math.min(all, 255) << 8);

/**
 * What a recipe posts: every ingredient and each of its kinds ("chicken thigh" also posts "chicken"
 * and "meat"), with how many of the recipe's ingredients each covers, so a typed kind finds the
 * recipe and counts every ingredient it stands for.
 */
export function postingsOf(ingredientNames: readonly string[]) {
  const leaves = [...new Set(ingredientNames.filter(Boolean))];
  const covers = new Map<string, { nonstaple: number; all: number }>();
  let dietFlags = 0;
  for (const leaf of leaves) {
    const staple = isStapleIngredient(leaf);
    dietFlags |= dietFlagsOf(leaf);
    for (const name of lineageOf(leaf)) {
      const count = covers.get(name) ?? { nonstaple: 0, all: 0 };
      count.all += 1;
      if (!staple) count.nonstaple += 1;
      covers.set(name, count);
    }
  }
  return {
    covers,
    ingredientCount: leaves.length,
    nonstapleCount: leaves.filter((leaf) => !isStapleIngredient(leaf)).length,
    dietFlags,
  };
}

/** Adds `delta` to each name's count and returns every name's id; sorted, so concurrent writers lock rows in one order. */
async function bumpStats(db: Db, names: readonly { name: string; covers: number }[], delta: 1 | -1): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const counts = new Map<string, { change: number; covers: number }>();
  for (const { name, covers } of names) {
    const count = counts.get(name) ?? { change: 0, covers: 0 };
    counts.set(name, { change: count.change + delta, covers: Math.max(count.covers, covers) });
  }
  const changes = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, count]) => ({ name, ...count }));
  // A removal never creates a row; counts never go below zero; max_covers only grows (it bounds the walk).
  const written = rows<{ name: string; id: number }>(
    await db.execute(sql`
      INSERT INTO ingredient_stats (name, recipe_count, max_covers)
      SELECT x.name, x.change, greatest(x.covers, 1)
      FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS x(name text, change int, covers int)
      WHERE x.change > 0 OR EXISTS (SELECT 1 FROM ingredient_stats s WHERE s.name = x.name)
      ORDER BY x.name
      ON CONFLICT (name) DO UPDATE SET recipe_count = greatest(ingredient_stats.recipe_count + EXCLUDED.recipe_count, 0),
        max_covers = greatest(ingredient_stats.max_covers, EXCLUDED.max_covers)
      RETURNING name, id`),
  );
  return new Map(written.map((row) => [row.name, Number(row.id)]));
}

/** Writes the postings of freshly inserted recipes (call in the transaction that inserted them); `names` are the recipe's ingredient_names. */
export async function addPostings(db: Db, entries: readonly { recipeId: number; names: readonly string[] }[]): Promise<void> {
  const recipes = entries.map(({ recipeId, names }) => ({ recipeId, ...postingsOf(names) })).filter((recipe) => recipe.covers.size > 0);
  if (recipes.length === 0) return;
  const ids = await bumpStats(
    db,
    recipes.flatMap((recipe) => [...recipe.covers].map(([name, count]) => ({ name, covers: count.all }))),
    1,
  );
  const written = recipes.map(({ recipeId, covers, ingredientCount, nonstapleCount, dietFlags }) => {
    const byId = [...covers]
      .map(([name, count]) => ({ id: ids.get(name)!, packed: packCovers(count.nonstaple, count.all) }))
      .sort((a, b) => a.id - b.id);
    return {
      recipeId,
      names: [...covers.keys()],
      ingredientCount,
      nonstapleCount,
      dietFlags,
      nameIds: byId.map((entry) => entry.id),
      nameCovers: byId.map((entry) => entry.packed),
    };
  });
  await db.execute(sql`
    INSERT INTO recipe_ingredients (recipe_id, name, ingredient_count, nonstaple_count, signature, name_ids, name_covers, diet_flags)
    SELECT x."recipeId", n.name, x."ingredientCount", x."nonstapleCount", ${signatureOf(sql`x.names`)}, x."nameIds", x."nameCovers", x."dietFlags"
    FROM jsonb_to_recordset(${JSON.stringify(written)}::jsonb)
      AS x("recipeId" int, names text[], "ingredientCount" int, "nonstapleCount" int, "dietFlags" int, "nameIds" int[], "nameCovers" int[])
    CROSS JOIN LATERAL unnest(x.names) AS n(name)`);
}

/** Removes a recipe's postings (before deleting it, or before writing its new names). */
export async function removePostings(db: Db, recipeId: number): Promise<void> {
  const removed = rows<{ name: string }>(
    await db.execute(sql`DELETE FROM recipe_ingredients WHERE recipe_id = ${recipeId} RETURNING name`),
  );
  await bumpStats(
    db,
    removed.map((row) => ({ name: row.name, covers: 0 })),
    -1,
  );
}
