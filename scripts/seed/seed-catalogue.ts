import { isNull, sql } from "drizzle-orm";
import { recipeFormSchema } from "@/core/recipes/schemas";
import { recipeColumns } from "@/core/recipes/records";
import { addPostings } from "@/core/search/postings";
import { catalogue } from "./catalogue/catalogue";
import type { Db } from "@/infra/db/client";
import { recipes } from "@/infra/db/schema";

/** Loads the catalogue (recipes without an author) unless it is there, through the same form schema and parsing as a typed recipe. */
export async function seedCatalogue(db: Db): Promise<number> {
  const [existing] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(recipes)
    .where(isNull(recipes.authorId));
  if ((existing?.count ?? 0) > 0) return 0;

  const rows = catalogue.map((entry) => {
    const input = recipeFormSchema.parse({
      title: entry.title,
      summary: entry.summary,
      ingredients: entry.ingredients.join("\n"),
      steps: entry.steps.join("\n"),
      servings: String(entry.servings),
      prepMinutes: String(entry.prepMinutes),
      cookMinutes: String(entry.cookMinutes),
    });
    return { authorId: null, ...recipeColumns(input) };
  });
  // Postings in the same transaction, as createRecipe writes them (one round trip for all rows).
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(recipes).values(rows).returning({ id: recipes.id, names: recipes.ingredientNames });
    await addPostings(
      tx,
      inserted.map((row) => ({ recipeId: row.id, names: row.names })),
    );
  });
  return rows.length;
}

export async function hasNoRecipes(db: Db): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(recipes);
  return (row?.count ?? 0) === 0;
}
