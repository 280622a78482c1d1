import type { DatabaseHandle } from "@/infra/db/client";
import { dictionaryIngredients, resolveIngredient } from "@/core/ingredients/dictionary";
import { syncDictionary } from "@/core/ingredients/dictionary/sync";
import { derivePostings, rebuildStats } from "./lib/bulk-postings";

/**
 * Synthetic recipes for the search benchmark and the search tests. Ingredient popularity follows
 * a Zipf–Mandelbrot law (weight 1 / (rank + 2.7)): with 5–15 ingredients a recipe, the most
 * popular name (salt) is in about 40 % of recipes, the 10th in about 12 %, the 100th in 1.6 % and
 * the 1,000th in 0.2 % — roughly the shape of real recipe collections. The names are the ingredient
 * dictionary's, so kinds cover several of them. Deterministic for a seed.
 */

/** Real names first, most popular first; pantry staples among them so staple handling is exercised. Resolved through the dictionary. */
const POPULAR = [
  "salt",
  "olive oil",
  "garlic",
  "onion",
  "black pepper",
  "butter",
  "sugar",
  "egg",
  "water",
  "flour",
  "milk",
  "lemon",
  "tomato",
  "parsley",
  "carrot",
  "vegetable oil",
  "chicken breast",
  "ground cumin",
  "basil",
  "honey",
  "soy sauce",
  "rice",
  "potato",
  "cheddar",
  "ginger",
  "thyme",
  "bay leaf",
  "paprika",
  "cinnamon",
  "red onion",
  "celery",
  "mozzarella",
  "parmesan",
  "spinach",
  "lime",
  "coriander",
  "chilli",
  "double cream",
  "yogurt",
  "mushroom",
  "pepper",
  "sea salt",
  "white sugar",
  "plain flour",
  "oil",
  "cooking spray",
  "ice",
];
/** Forms of common kinds, so a typed kind ("chicken", "rice", "cheese") has long posting lists that cover several names. */
const POPULAR_FORMS = [
  "chicken thigh",
  "basmati rice",
  "cherry tomato",
  "smoked paprika",
  "baby spinach",
  "frozen peas",
  "jasmine rice",
  "chicken wing",
];
/** Ingredient names, most popular first: the real ones, then every other dictionary entry (kinds included) in a seeded order. */
export function vocabulary(size = 1_200, seed = 7): string[] {
  const popular = [...new Set([...POPULAR, ...POPULAR_FORMS].map((name) => resolveIngredient(name)).filter(Boolean))];
  const taken = new Set(popular);
  const extra = [...dictionaryIngredients()].map((entry) => entry.name).filter((name) => !taken.has(name));
  const random = mulberry32(seed);
  for (let i = extra.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [extra[i], extra[j]] = [extra[j]!, extra[i]!];
  }
  const names = [...popular, ...extra];
  if (size > names.length) throw new Error(`vocabulary: at most ${names.length} names`);
  return names.slice(0, size);
}

/** A small, fast, seedable PRNG (the benchmark must be repeatable, Math.random is not). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Draws ranks 0..n-1 with weight 1 / (rank + 1 + shift)^exponent. */
export function zipfSampler(n: number, random: () => number, exponent = 1, shift = 2.7): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let rank = 0; rank < n; rank++) cumulative[rank] = sum += 1 / Math.pow(rank + 1 + shift, exponent);
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

export type GeneratorOptions = { seed?: number; vocabularySize?: number; minIngredients?: number; maxIngredients?: number };

/** Yields the distinct ingredient names of `count` recipes. */
export function* generateRecipeNames(count: number, options: GeneratorOptions = {}): Generator<string[]> {
  const { seed = 42, vocabularySize = 1_200, minIngredients = 5, maxIngredients = 15 } = options;
  const names = vocabulary(vocabularySize);
  const random = mulberry32(seed);
  const draw = zipfSampler(names.length, random);
  for (let i = 0; i < count; i++) {
    const size = minIngredients + Math.floor(random() * (maxIngredients - minIngredients + 1));
    const picked = new Set<number>();
    while (picked.size < size) picked.add(draw());
    yield [...picked].map((rank) => names[rank]!);
  }
}

const BATCH = 5_000;

/**
 * Appends `count` generated recipes (catalogue recipes, no author) with their postings, in
 * batches of 5,000: one INSERT … SELECT from a JSON parameter per batch (works the same on
 * postgres.js and PGlite), the postings derived in the database. Ends with ANALYZE and VACUUM
 * so the planner has statistics and the walk's index-only scans see an all-visible table.
 */
export async function loadRecipes(
  handle: DatabaseHandle,
  count: number,
  options: GeneratorOptions & { onProgress?: (loaded: number) => void; rebuildIndexes?: boolean } = {},
): Promise<void> {
  // The postings are derived from the dictionary's table, and later syncs must find it in place.
  await syncDictionary(handle.db);
  let batch: string[][] = [];
  let loaded = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch.map((names, i) => ({ title: `Recipe ${loaded + i + 1}: ${names.slice(0, 2).join(" and ")}`, names }));
    const { rows: range } = await handle.query(
      `WITH inserted AS (
         INSERT INTO recipes (title, ingredients, steps, servings, ingredient_names)
         SELECT x.title,
           (SELECT jsonb_agg(jsonb_build_object('line', n, 'quantity', null, 'quantity2', null, 'unit', null, 'name', n)) FROM unnest(x.names) AS n),
           '["Mix everything and cook."]'::jsonb, 2, x.names
         FROM jsonb_to_recordset($1::jsonb) AS x(title text, names text[])
         RETURNING id)
       SELECT min(id)::int AS "from", max(id)::int AS "to" FROM inserted`,
      [JSON.stringify(rows)],
    );
    await derivePostings(handle.db, Number(range[0]!.from), Number(range[0]!.to));
    loaded += batch.length;
    batch = [];
    options.onProgress?.(loaded);
  };
  // Maintaining the indexes row by row costs several times building them once at the end.
  const rebuild = options.rebuildIndexes ?? count >= 50_000;
  const restore = rebuild ? await dropSearchIndexes(handle) : async () => {};
  for (const names of generateRecipeNames(count, options)) {
    batch.push(names);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  await restore();
  await rebuildStats(handle.db);
  await handle.query("VACUUM ANALYZE recipes");
  await handle.query("VACUUM ANALYZE recipe_ingredients");
  await handle.query("ANALYZE ingredient_stats");
}

/** Drops the search's indexes and the postings' keys; returns what puts them back exactly as they were. */
async function dropSearchIndexes(handle: DatabaseHandle): Promise<() => Promise<void>> {
  const { rows: indexes } = await handle.query(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename IN ('recipes', 'recipe_ingredients')
       AND i.indexname IN ('recipes_ingredient_names_idx', 'recipe_ingredients_walk_idx')`,
  );
  const { rows: constraints } = await handle.query(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE conrelid = 'recipe_ingredients'::regclass AND contype IN ('p', 'f')`,
  );
  for (const constraint of constraints) await handle.query(`ALTER TABLE recipe_ingredients DROP CONSTRAINT "${String(constraint.name)}"`);
  for (const index of indexes) await handle.query(`DROP INDEX "${String(index.name)}"`);
  return async () => {
    await handle.query("SET maintenance_work_mem = '512MB'");
    for (const index of indexes) await handle.query(String(index.definition));
    for (const constraint of constraints) {
      await handle.query(`ALTER TABLE recipe_ingredients ADD CONSTRAINT "${String(constraint.name)}" ${String(constraint.definition)}`);
    }
    await handle.query("RESET maintenance_work_mem");
  };
}
