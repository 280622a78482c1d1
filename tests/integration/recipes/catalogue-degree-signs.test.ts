import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createRecipe } from "@/core/recipes/queries";
import { recipeFormSchema } from "@/core/recipes/schemas";
import { getDb } from "@/infra/db";
import { migrationsFolder } from "@/infra/db/migrate";
import { recipes } from "@/infra/db/schema";
import { catalogue } from "@/scripts/seed/catalogue/catalogue";
import { confirm, register, uniqueEmail } from "@/tests/support/accounts";
import { activationTokenFor } from "@/tests/support/outbox";

const OVEN = /\b\d{2,3} ?(°\s?)?[CF]\b/g;

const input = (steps: string[]) =>
  recipeFormSchema.parse({
    title: `Loaf ${crypto.randomUUID()}`,
    summary: "",
    ingredients: "200 g flour\n2 eggs",
    steps: steps.join("\n"),
    servings: "4",
    prepMinutes: "10",
    cookMinutes: "40",
  });

const stepsOf = async (id: number) => {
  const [row] = await (await getDb()).select({ steps: recipes.steps }).from(recipes).where(eq(recipes.id, id));
  return row!.steps;
};

describe("oven temperatures in the catalogue", () => {
  it("every temperature in the catalogue data reads with a degree sign", () => {
    const temperatures = catalogue.flatMap((entry) => [entry.summary, ...entry.steps].flatMap((text) => text.match(OVEN) ?? []));
    expect(temperatures.length).toBeGreaterThan(10);
    expect(temperatures.filter((temperature) => !/ °C$/.test(temperature))).toEqual([]);
  });

  it("the migration gives an older database's catalogue its degree signs and leaves people's own recipes as typed", async () => {
    const db = await getDb();
    const old = ["Heat the oven to 175 C and grease a tin.", "Bake at 200 C.", "Cool, then cut into 12 C-shaped slices"];
    const catalogueId = await createRecipe(db, null, input(old));
    const email = uniqueEmail("degrees");
    await register(email, "Oven Owner");
    const author = await confirm(activationTokenFor(email));
    const ownId = await createRecipe(db, author!.id, input(old));

    // Found by name, whatever number it has among the migrations.
    const file = readdirSync(migrationsFolder).find((name) => name.endsWith("_catalogue_degree_signs.sql"));
    const migration = readFileSync(path.join(migrationsFolder, file!), "utf8");
    await db.execute(sql.raw(migration));

    expect(await stepsOf(catalogueId)).toEqual([
      "Heat the oven to 175 °C and grease a tin.",
      "Bake at 200 °C.",
      "Cool, then cut into 12 C-shaped slices",
    ]);
    expect(await stepsOf(ownId)).toEqual(old);
    // Applied twice (a second instance's start-up), nothing changes again.
    await db.execute(sql.raw(migration));
    expect(await stepsOf(catalogueId)).toEqual([
      "Heat the oven to 175 °C and grease a tin.",
      "Bake at 200 °C.",
      "Cool, then cut into 12 C-shaped slices",
    ]);
  });
});
