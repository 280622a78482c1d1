import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database, rows, type Db } from "@/infra/db";
import { loadRecipes, mulberry32, vocabulary } from "@/bench/generate-recipes";
import { PANTRY_STAPLES } from "@/core/search/staples";
import { plainSearchQuery } from "@/bench/lib/reference-search";
import { MAX_SEARCH_PAGE, PAGE_SIZE, searchRecipes, TOTAL_CAP } from "@/core/search/search";
import { describeTerms, rankingTerms, walkSearch } from "@/core/search/walk";

/** A few typed names: mostly popular ones, some rare, pantry staples and names no recipe has. */
function randomTerms(random: () => number, names: string[]): string[] {
  const k = 1 + Math.floor(random() * 6);
  const terms = new Set<string>();
  while (terms.size < k) {
    const pick = random();
    if (pick < 0.5) terms.add(names[Math.floor(random() * 40)]!);
    else if (pick < 0.8) terms.add(names[40 + Math.floor(random() * (names.length - 40))]!);
    else if (pick < 0.93) terms.add([...PANTRY_STAPLES][Math.floor(random() * PANTRY_STAPLES.size)]!);
    else terms.add(random() < 0.5 ? "durian" : "dragon fruit");
  }
  return [...terms];
}

describe("fast search", () => {
  let db: Db;
  let names: string[];

  beforeAll(async () => {
    const handle = await database();
    db = handle.db;
    names = vocabulary();
    // A few thousand recipes: the most popular names are then in more than TOTAL_CAP recipes.
    await loadRecipes(handle, 3_000, { seed: 11 });
  });

  it("returns the plain ranking query's results (order, used, missing) for random searches and pages", async () => {
    const random = mulberry32(2024);
    let compared = 0;
    for (let i = 0; i < 150; i++) {
      const terms = randomTerms(random, names);
      const assumeStaples = random() < 0.5;
      const page = 1 + Math.floor(random() * 3);
      const fast = await searchRecipes(db, terms, { assumeStaples, page });
      const plain = rows(await db.execute(plainSearchQuery(terms, { assumeStaples, offset: (page - 1) * PAGE_SIZE })));
      const context = JSON.stringify({ terms, assumeStaples, page });
      expect(
        fast.results.map((r) => [r.id, r.used.length, r.missing.length]),
        context,
      ).toEqual(plain.map((r) => [Number(r.id), Number(r.used), Number(r.missing)]));
      const [count] = rows(
        await db.execute(
          sql`SELECT count(*)::int AS n FROM recipes WHERE ingredient_names && ${plainTerms(rankingTerms(terms, assumeStaples))}`,
        ),
      );
      const exact = Number(count!.n);
      if (fast.totalCapped) expect([fast.total, exact > TOTAL_CAP], context).toEqual([TOTAL_CAP, true]);
      else expect(fast.total, context).toBe(exact);
      compared += fast.results.length;
    }
    // The comparison must have had something to compare.
    expect(compared).toBeGreaterThan(1_000);
  });

  it("walks to the plain query's ranking whatever the list lengths, one statement or level by level", async () => {
    // walkSearch takes short lists in one statement and longer ones in batches; both must agree with
    // the plain query, so each is forced here (0: batches, Infinity: one statement).
    const random = mulberry32(77);
    let compared = 0;
    for (let i = 0; i < 60; i++) {
      const terms = rankingTerms(randomTerms(random, names), true);
      const count = PAGE_SIZE * (1 + Math.floor(random() * 2));
      const plain = rows(await db.execute(plainSearchQuery(terms, { assumeStaples: true, limit: count })));
      for (const singleStatementEntries of [0, Infinity]) {
        const { hits } = await walkSearch(db, await describeTerms(db, terms), { assumeStaples: true, count, singleStatementEntries });
        expect(
          hits.map((hit) => [hit.id, hit.used, hit.missing]),
          JSON.stringify({ terms, singleStatementEntries }),
        ).toEqual(plain.map((r) => [Number(r.id), Number(r.used), Number(r.missing)]));
      }
      compared += plain.length;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("lists exactly which searched-for ingredients a result uses and what it still needs", async () => {
    const terms = ["salt", "garlic", "lemon", "durian"];
    for (const assumeStaples of [true, false]) {
      const searchedFor = assumeStaples ? ["garlic", "lemon", "durian"] : terms;
      const { results } = await searchRecipes(db, terms, { assumeStaples });
      const ids = results.map((r) => r.id);
      const stored = rows(
        await db.execute(
          sql`SELECT id, ingredient_names FROM recipes WHERE id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        ),
      );
      const namesOf = new Map(stored.map((row) => [Number(row.id), row.ingredient_names as string[]]));
      for (const result of results) {
        const recipe = namesOf.get(result.id)!;
        expect(result.used).toEqual(searchedFor.filter((term) => recipe.includes(term)));
        expect(result.missing).toEqual(recipe.filter((name) => !terms.includes(name) && !(assumeStaples && PANTRY_STAPLES.has(name))));
      }
      expect(results).toHaveLength(PAGE_SIZE);
    }
  });

  it("finds nothing, with a total of 0, for names no recipe has", async () => {
    expect(await searchRecipes(db, ["durian", "dragon fruit"])).toEqual({
      results: [],
      total: 0,
      totalCapped: false,
      page: 1,
      pageCount: 1,
      pagesCapped: false,
      searchedFor: ["durian", "dragon fruit"],
      ignoredStaples: [],
    });
  });

  it("leaves typed staples out of the ranking while staples are assumed, and searches them when nothing else was typed", async () => {
    const withSalt = await searchRecipes(db, ["garlic", "salt", "lemon"]);
    const without = await searchRecipes(db, ["garlic", "lemon"]);
    expect(withSalt).toEqual({ ...without, ignoredStaples: ["salt"] });
    expect(withSalt.results.length).toBe(PAGE_SIZE);

    const counted = await searchRecipes(db, ["garlic", "salt", "lemon"], { assumeStaples: false });
    expect(counted).toMatchObject({ searchedFor: ["garlic", "salt", "lemon"], ignoredStaples: [] });
    expect(counted.results.map((r) => r.id)).not.toEqual(without.results.map((r) => r.id));

    const onlyStaples = await searchRecipes(db, ["salt", "olive oil"]);
    expect(onlyStaples).toMatchObject({ searchedFor: ["salt", "olive oil"], ignoredStaples: [] });
    expect(onlyStaples.results[0]!.used).toEqual(["salt", "olive oil"]);
  });

  it("says the total is capped when one typed name alone is in more than TOTAL_CAP recipes", async () => {
    const first = await searchRecipes(db, ["salt"]);
    expect(first).toMatchObject({ total: TOTAL_CAP, totalCapped: true, pageCount: MAX_SEARCH_PAGE, pagesCapped: true });
  });

  it("never pages deeper than MAX_SEARCH_PAGE, whatever page is asked for: one search has a bounded cost", async () => {
    const last = await searchRecipes(db, ["salt"], { page: MAX_SEARCH_PAGE });
    expect(last.results).toHaveLength(PAGE_SIZE);
    for (const page of [MAX_SEARCH_PAGE + 1, 50, 1_000]) {
      const deep = await searchRecipes(db, ["salt"], { page });
      expect(deep).toMatchObject({ page: MAX_SEARCH_PAGE, pageCount: MAX_SEARCH_PAGE });
      expect(deep.results.map((r) => r.id)).toEqual(last.results.map((r) => r.id));
    }
  });
});

const plainTerms = (terms: readonly string[]) =>
  sql`ARRAY[${sql.join(
    terms.map((term) => sql`${term}`),
    sql`, `,
  )}]::text[]`;
