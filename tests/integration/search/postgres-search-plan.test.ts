import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database } from "@/infra/db";
import { loadRecipes, vocabulary } from "@/bench/generate-recipes";
import { describeTerms, levelQuery, NO_FILTERS, withWalkSettings } from "@/core/search/walk";

// PostgreSQL only (the postgres project): its planner, not PGlite's, serves production.
describe("search query plan on PostgreSQL", () => {
  it("walks the ordered posting lists of recipe_ingredients_walk_idx, merged, without sorting them", async () => {
    const handle = await database();
    await loadRecipes(handle, 6_000, { seed: 5 });
    const names = vocabulary();
    // Two middling names and a popular one, the popular one not walked at the top level.
    const terms = await describeTerms(handle.db, [names[60]!, names[90]!, names[3]!]);
    const walked = [...terms].sort((a, b) => a.count - b.count);
    for (const used of [3, 1]) {
      const query = levelQuery(
        { used, walked: walked.slice(0, terms.length - used + 1), all: walked, assumeStaples: true, filters: NO_FILTERS },
        { limit: 20 },
      );
      const plan = JSON.stringify(await withWalkSettings(handle.db, (tx) => tx.execute(sql`EXPLAIN (FORMAT JSON) ${query}`)));
      expect(plan).toContain("recipe_ingredients_walk_idx");
      expect(plan).toMatch(/"Node Type":\s*"Index Only Scan"/);
      expect(plan).not.toMatch(/"Node Type":\s*"(Seq Scan|Sort|Incremental Sort|Hash)"/);
      if (used === 1) expect(plan).toMatch(/"Node Type":\s*"Merge Append"/);
    }
  });
});
