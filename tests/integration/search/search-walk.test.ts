import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database, rows, type Db } from "@/infra/db";
import { loadRecipes, mulberry32, vocabulary } from "@/bench/generate-recipes";
import { PANTRY_STAPLES } from "@/core/search/staples";
import { plainSearchQuery } from "@/bench/lib/reference-search";
import { MAX_SEARCH_PAGE, PAGE_SIZE, searchRecipes, TOTAL_CAP } from "@/core/search/search";
import { rankingTerms } from "@/core/search/coverage";
import { describeTerms, walkSearch } from "@/core/search/walk";
import { dietMask, resolveTypedTerms } from "@/core/search/typed-terms";
import { DIETS, type Diet } from "@/core/search/diets";
import { covers } from "@/core/ingredients/dictionary";

const KINDS = ["chicken", "rice", "cheese", "meat", "fish", "nut", "onion", "tomato", "sugar", "oil", "pepper", "bean", "pasta"];
const OTHER_NAMES = ["shrimp", "arugula", "ground beef", "cilantro", "eggplant", "powdered sugar", "tomatoes", "Chicken Thighs"];

/** A few typed names: popular and rare ones, kinds, other names, pantry staples and names no recipe has. */
function randomTerms(random: () => number, names: string[]): string[] {
  const k = 1 + Math.floor(random() * 6);
  const terms = new Set<string>();
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  while (terms.size < k) {
    const kind = random();
    if (kind < 0.35) terms.add(names[Math.floor(random() * 40)]!);
    else if (kind < 0.6) terms.add(names[40 + Math.floor(random() * (names.length - 40))]!);
    else if (kind < 0.75) terms.add(pick(KINDS));
    else if (kind < 0.85) terms.add(pick(OTHER_NAMES));
    else if (kind < 0.95) terms.add(pick([...PANTRY_STAPLES]));
    else terms.add(random() < 0.5 ? "durian" : "dragon fruit");
  }
  return [...terms];
}

/** Sometimes an exclusion or two (kinds among them) and sometimes diets. */
function randomFilters(random: () => number, names: string[]): { without: string[]; diets: Diet[] } {
  const without = random() < 0.35 ? [random() < 0.5 ? KINDS[Math.floor(random() * KINDS.length)]! : names[Math.floor(random() * 80)]!] : [];
  const diets = random() < 0.3 ? [DIETS[Math.floor(random() * DIETS.length)]!] : [];
  return { without, diets };
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

  it("returns the plain ranking query's results (order, used, missing) for random searches, filters and pages", async () => {
    const random = mulberry32(2024);
    let compared = 0;
    let filtered = 0;
    for (let i = 0; i < 300; i++) {
      const terms = randomTerms(random, names);
      const { without, diets } = randomFilters(random, names);
      const assumeStaples = random() < 0.5;
      const page = 1 + Math.floor(random() * 3);
      const fast = await searchRecipes(db, { ingredients: terms, without, diets, assumeStaples, page });
      const typed = rankingTerms(resolveTypedTerms(terms), assumeStaples);
      const filters = { assumeStaples, without: resolveTypedTerms(without), dietMask: dietMask(diets) };
      const everything = rows(await db.execute(plainSearchQuery(typed, { ...filters, limit: 1_000_000 })));
      const plain = everything.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      const context = JSON.stringify({ terms, without, diets, assumeStaples, page });
      expect(
        fast.results.map((r) => [r.id, r.used.length, r.missing.length]),
        context,
      ).toEqual(plain.map((r) => [Number(r.id), Number(r.used), Number(r.missing)]));
      if (fast.totalCapped) expect([fast.total, everything.length > TOTAL_CAP], context).toEqual([TOTAL_CAP, true]);
      else {
        expect(fast.total, context).toBe(everything.length);
        expect(fast.useAll, context).toBe(everything.filter((r) => Number(r.used) === typed.length).length);
      }
      compared += fast.results.length;
      if (without.length + diets.length > 0) filtered += fast.results.length;
    }
    // The comparison must have had something to compare.
    expect(compared).toBeGreaterThan(2_000);
    expect(filtered).toBeGreaterThan(300);
  }, 300_000);

  it("walks to the plain query's ranking whatever the list lengths, one statement or level by level", async () => {
    // walkSearch takes short lists in one statement and longer ones in batches; both must agree with
    // the plain query, so each is forced here (0: batches, Infinity: one statement).
    const random = mulberry32(77);
    let compared = 0;
    for (let i = 0; i < 60; i++) {
      const terms = rankingTerms(resolveTypedTerms(randomTerms(random, names)), true);
      const count = PAGE_SIZE * (1 + Math.floor(random() * 2));
      const plain = rows(await db.execute(plainSearchQuery(terms, { assumeStaples: true, limit: count })));
      // The level-by-level reading of kinds is compared above; this one compares the two ways of reading leaves.
      const described = await describeTerms(db, terms);
      for (const singleStatementEntries of [0, Infinity]) {
        const { hits } = await walkSearch(db, described, { assumeStaples: true, count, singleStatementEntries });
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
      const { results } = await searchRecipes(db, { ingredients: terms, assumeStaples });
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
        expect(result.used).toEqual(searchedFor.filter((term) => recipe.some((name) => covers(term, name))));
        expect(result.missing).toEqual(
          recipe.filter((name) => !searchedFor.some((term) => covers(term, name)) && !(assumeStaples && PANTRY_STAPLES.has(name))),
        );
      }
      expect(results).toHaveLength(PAGE_SIZE);
    }
  });

  it("finds nothing, with a total of 0, for names no recipe has", async () => {
    expect(await searchRecipes(db, { ingredients: ["durian", "dragon fruit"] })).toEqual({
      results: [],
      total: 0,
      totalCapped: false,
      useAll: 0,
      useOne: 0,
      page: 1,
      pageCount: 1,
      pagesCapped: false,
      searchedFor: ["durian", "dragon fruit"],
      ignoredStaples: [],
      without: [],
      diets: [],
    });
  });

  it("leaves typed staples out of the ranking while staples are assumed, and searches them when nothing else was typed", async () => {
    const withSalt = await searchRecipes(db, { ingredients: ["garlic", "salt", "lemon"] });
    const without = await searchRecipes(db, { ingredients: ["garlic", "lemon"] });
    expect(withSalt).toEqual({ ...without, ignoredStaples: ["salt"] });
    expect(withSalt.results.length).toBe(PAGE_SIZE);

    const counted = await searchRecipes(db, { ingredients: ["garlic", "salt", "lemon"], assumeStaples: false });
    expect(counted).toMatchObject({ searchedFor: ["garlic", "salt", "lemon"], ignoredStaples: [] });
    expect(counted.results.map((r) => r.id)).not.toEqual(without.results.map((r) => r.id));

    const onlyStaples = await searchRecipes(db, { ingredients: ["salt", "olive oil"] });
    expect(onlyStaples).toMatchObject({ searchedFor: ["salt", "olive oil"], ignoredStaples: [] });
    expect(onlyStaples.results[0]!.used).toEqual(["salt", "olive oil"]);
  });

  it("says the total is capped when one typed name alone is in more than TOTAL_CAP recipes", async () => {
    const first = await searchRecipes(db, { ingredients: ["salt"] });
    expect(first).toMatchObject({ total: TOTAL_CAP, totalCapped: true, pageCount: MAX_SEARCH_PAGE, pagesCapped: true });
  });

  it("never pages deeper than MAX_SEARCH_PAGE, whatever page is asked for: one search has a bounded cost", async () => {
    const last = await searchRecipes(db, { ingredients: ["salt"], page: MAX_SEARCH_PAGE });
    expect(last.results).toHaveLength(PAGE_SIZE);
    for (const page of [MAX_SEARCH_PAGE + 1, 50, 1_000]) {
      const deep = await searchRecipes(db, { ingredients: ["salt"], page });
      expect(deep).toMatchObject({ page: MAX_SEARCH_PAGE, pageCount: MAX_SEARCH_PAGE });
      expect(deep.results.map((r) => r.id)).toEqual(last.results.map((r) => r.id));
    }
  });
});
