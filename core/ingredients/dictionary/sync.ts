import { sql } from "drizzle-orm";
import { rows, type Db } from "@/infra/db";
import type { RecipeIngredient } from "@/infra/db/schema";
import { toIngredientRecords } from "@/core/recipes/records";
import { addPostings } from "@/core/search/postings";
import { DICTIONARY_VERSION, dictionaryIngredients } from "./index";

// No "server-only": `npm run db:migrate`, `npm run dictionary:sync`, the server's start-up, the
// benchmarks and the tests all call it.

const BATCH = 500;

export type SyncReport = { version: string; changed: boolean; recipes: number };

/**
 * Makes the database agree with the dictionary files: when the stored DICTIONARY_VERSION differs
 * (or `force`), reloads the `ingredients` table, resolves every recipe's lines again, and rebuilds
 * the postings and their counts, in one transaction, so no search ever sees half of it. Instances
 * starting together wait on one lock; the second finds the work done.
 */
export async function syncDictionary(db: Db, { force = false } = {}): Promise<SyncReport> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('pantry.dictionary-sync'))`);
    const [state] = rows<{ version: string }>(await tx.execute(sql`SELECT version FROM dictionary_state WHERE id = 1`));
    if (!force && state?.version === DICTIONARY_VERSION) return { version: DICTIONARY_VERSION, changed: false, recipes: 0 };

    await tx.execute(sql`DELETE FROM ingredients`);
    const entries = [...dictionaryIngredients()];
    for (let start = 0; start < entries.length; start += BATCH) {
      const chunk = entries.slice(start, start + BATCH).map(({ name, plural, kind, aisle, staple, dietFlags, lineage }) => ({
        name,
        plural,
        kind,
        aisle,
        staple,
        dietFlags,
        lineage,
      }));
      await tx.execute(sql`
        INSERT INTO ingredients (name, plural, kind, aisle, staple, diet_flags, lineage)
        SELECT x.name, x.plural, x.kind, x.aisle, x.staple, x."dietFlags", x.lineage
        FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
          AS x(name text, plural text, kind text, aisle text, staple boolean, "dietFlags" int, lineage text[])`);
    }

    await tx.execute(sql`DELETE FROM recipe_ingredients`);
    await tx.execute(sql`UPDATE ingredient_stats SET recipe_count = 0, max_covers = 1`);
    let recipes = 0;
    for (let after = 0; ;) {
      const batch = rows<{ id: number; ingredients: RecipeIngredient[] }>(
        await tx.execute(sql`SELECT id, ingredients FROM recipes WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`),
      );
      if (batch.length === 0) break;
      const resolved = batch.map((recipe) => ({
        id: Number(recipe.id),
        ...toIngredientRecords(recipe.ingredients.map((ingredient) => ingredient.line)),
      }));
      await tx.execute(sql`
        UPDATE recipes r SET ingredients = x.ingredients, ingredient_names = x."ingredientNames", diet_flags = x."dietFlags"
        FROM jsonb_to_recordset(${JSON.stringify(resolved)}::jsonb) AS x(id int, ingredients jsonb, "ingredientNames" text[], "dietFlags" int)
        WHERE r.id = x.id`);
      await addPostings(
        tx,
        resolved.map((recipe) => ({ recipeId: recipe.id, names: recipe.ingredientNames })),
      );
      recipes += batch.length;
      after = Number(batch.at(-1)!.id);
    }

    await tx.execute(sql`
      INSERT INTO dictionary_state (id, version, synced_at) VALUES (1, ${DICTIONARY_VERSION}, now())
      ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, synced_at = EXCLUDED.synced_at`);
    return { version: DICTIONARY_VERSION, changed: true, recipes };
  });
}
