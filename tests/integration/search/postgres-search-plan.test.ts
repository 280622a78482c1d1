import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database, type DatabaseHandle } from "@/infra/db";
import { loadRecipes, vocabulary } from "@/bench/generate-recipes";
import { describeTerms, levelQuery, NO_FILTERS, withWalkSettings } from "@/core/search/walk";

// PostgreSQL only (the postgres project): its planner, not PGlite's, serves production.
describe("search query plan on PostgreSQL", () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await database();
    await loadRecipes(handle, 6_000, { seed: 5 });
  });

  const planOf = async (query: ReturnType<typeof sql>) =>
    JSON.stringify(await withWalkSettings(handle.db, (tx) => tx.execute(sql`EXPLAIN (FORMAT JSON) ${query}`)));

  it("walks the ordered posting lists of recipe_ingredients_walk_idx, merged, without sorting them", async () => {
    const names = vocabulary();
    // Two middling names and a popular one, the popular one not walked at the top level.
    const terms = await describeTerms(handle.db, [names[60]!, names[90]!, names[3]!]);
    const walked = [...terms].sort((a, b) => a.count - b.count);
    for (const used of [3, 1]) {
      const query = levelQuery(
        { used, walked: walked.slice(0, terms.length - used + 1), all: walked, assumeStaples: true, filters: NO_FILTERS },
        { limit: 20 },
      );
      const plan = await planOf(query);
      expect(plan).toContain("recipe_ingredients_walk_idx");
      expect(plan).toMatch(/"Node Type":\s*"Index Only Scan"/);
      expect(plan).not.toMatch(/"Node Type":\s*"(Seq Scan|Sort|Incremental Sort|Hash)"/);
      if (used === 1) expect(plan).toMatch(/"Node Type":\s*"Merge Append"/);
    }
  });

  it("reads a kind's level a second time only up to the bound, ranking in the database the few that can still make the page", async () => {
    // boundedLevelHits' second read: the kinds' postings up to the count bound, missing tested inside the index scan,
    // the survivors ranked by a top-N sort (never the whole list sorted, never the recipes table).
    const terms = await describeTerms(handle.db, ["chicken", "rice", "cheese"]);
    const walked = [...terms].sort((a, b) => a.count - b.count);
    for (const used of [3, 1]) {
      const level = { used, walked: walked.slice(0, terms.length - used + 1), all: walked, assumeStaples: true, filters: NO_FILTERS };
      const plan = await planOf(
        sql`SELECT * FROM (${levelQuery(level, { maxCount: 8, maxMissing: 3 })}) AS bounded ORDER BY bounded.missing, bounded.id DESC LIMIT 20`,
      );
      expect(plan).toMatch(/"Node Type":\s*"Index Only Scan"/);
      expect(plan).toMatch(/"Index Cond":\s*"\(\(name = '[a-z ]+'::text\) AND \(nonstaple_count <= 8\)\)"/);
      expect(plan).toMatch(/"Sort Key"/);
      expect(plan).not.toMatch(/"Node Type":\s*"(Seq Scan|Bitmap Heap Scan|Hash)"/);
      expect(plan).not.toContain('"Relation Name": "recipes"');
    }
  });
});
