import { describe, expect, it } from "vitest";
import { getDb } from "@/infra/db";
import { seedCatalogue } from "@/scripts/seed/seed-catalogue";
import { searchRecipes } from "@/core/search/search";

describe("catalogue", () => {
  it("loads at least 60 recipes once, each searchable by its ingredients", async () => {
    const db = await getDb();
    const added = await seedCatalogue(db);
    expect(added).toBeGreaterThanOrEqual(60);
    expect(await seedCatalogue(db)).toBe(0);
    const { total } = await searchRecipes(db, { ingredients: ["egg"] });
    expect(total).toBeGreaterThanOrEqual(8);
  });
});
