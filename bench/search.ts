/**
 * `npm run bench:search`: the ingredient search at scale over recipes generated from the ingredient
 * dictionary (so kinds such as "chicken" or "meat" have long posting lists covering many names), on
 * PostgreSQL (fresh databases, dropped afterwards) and on an in-memory PGlite. Times the whole
 * `searchRecipes` call per query shape (common and rare leaves, kinds, other names; each plain,
 * with an exclusion, and with an exclusion and a diet), the plain ranking query beside it, and
 * checks that random searches return exactly the plain query's page.
 *
 *   BENCH_SIZES=10000,100000,1000000   PostgreSQL sizes        BENCH_PGLITE_SIZES=10000,100000
 *   BENCH_QUERIES=60                    timed searches per case BENCH_CHECK=300 (100 from 1M up)
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres    BENCH_OUT=bench/search-results.md
 *   BENCH_PLAIN=5 (2 from 100k, 1 from 1M) timed plain queries per case
 *   BENCH_GROUPS="kinds;other names"    time only these shapes (while investigating)
 *   BENCH_NOTE="..."                    a line printed on top of the results (e.g. machine state)
 *   BENCH_EXPLAIN='{"ingredients":…}'   also explain the statements of this SearchQuery (JSON)
 *   BENCH_PG_REUSE=db_name              (while investigating) search an existing database loaded by
 *                                       loadRecipes(handle, size, { seed: 42 }) instead of a fresh one;
 *                                       BENCH_SIZES must then name its one size
 *
 * Smoke run (0: none): BENCH_SIZES=10000 BENCH_PGLITE_SIZES=0 BENCH_QUERIES=10 BENCH_CHECK=30 npm run bench:search
 */
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { openPglite, openPostgres, rows, type DatabaseHandle, type Db } from "@/infra/db/client";
import { runMigrations } from "@/infra/db/migrate";
import {
  canonicalOfKey,
  covers,
  dictionaryIngredients,
  dietFlagsOf,
  hasNarrowerIngredients,
  ingredientNamed,
  isStapleIngredient,
  otherNamesOf,
} from "@/core/ingredients/dictionary";
import { suggestIngredients } from "@/core/search/suggest";
import { PANTRY_STAPLES } from "@/core/search/staples";
import { DIETS, type Diet } from "@/core/search/diets";
import { dietMask, resolveTypedTerms } from "@/core/search/typed-terms";
import { plainSearchQuery } from "@/bench/lib/reference-search";
import { PAGE_SIZE, searchRecipes, type SearchQuery } from "@/core/search/search";
import { rankingTerms } from "@/core/search/coverage";
import { describeTerms, withWalkSettings } from "@/core/search/walk";
import { loadRecipes, mulberry32, vocabulary } from "./generate-recipes";

const list = (value: string | undefined, fallback: string) =>
  (value ?? fallback)
    .split(",")
    .map(Number)
    .filter((n) => n > 0);
const PG_SIZES = list(process.env.BENCH_SIZES, "10000,100000,1000000");
const PGLITE_SIZES = list(process.env.BENCH_PGLITE_SIZES, "10000,100000");
const QUERIES = Number(process.env.BENCH_QUERIES ?? 60);
const PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const OUT = process.env.BENCH_OUT ?? "bench/search-results.md";
/** The p95 every query shape must stay within, by database and size (none for the others). */
function targetMs(driver: string, size: number): number | undefined {
  if (driver === "postgres") return size === 100_000 ? 10 : size === 1_000_000 ? 25 : undefined;
  return size === 100_000 ? 25 : undefined;
}
/** Suggestions as you type, p95, from 1,000,000 recipes on. */
const SUGGESTION_TARGET_MS = 5;

const NAMES = vocabulary();
const isLeaf = (name: string) => !hasNarrowerIngredients(name) && !isStapleIngredient(name);
/** Kinds a cook types: checked against the generated data after loading (their list lengths are reported). */
const KIND_CANDIDATES = [
  "chicken",
  "rice",
  "cheese",
  "onion",
  "tomato",
  "pepper",
  "bean",
  "pasta",
  "fish",
  "meat",
  "nut",
  "sugar",
  "mushroom",
  "potato",
  "beef",
  "pork",
];
/** Other names (American, plural-free aka entries of the dictionary) a cook types for a canonical name of the vocabulary. */
const OTHER_CANDIDATES = [
  "shrimp",
  "arugula",
  "cilantro",
  "eggplant",
  "minced beef",
  "powdered sugar",
  "zucchini",
  "scallion",
  "green onion",
  "heavy cream",
  "cornstarch",
  "capsicum",
  "confectioners sugar",
  "garbanzo beans",
  "rocket",
];
/** Kinds (and one leaf) a cook excludes. */
const EXCLUSIONS = ["nut", "fish", "meat", "cheese", "pork", "mushroom", "bean", "shellfish", "peanut", "egg"];

const vegetarianMask = dietMask(["vegetarian"]);
const OTHER_NAMES = OTHER_CANDIDATES.filter((name) => {
  const canonical = canonicalOfKey(name);
  // An aka entry: a key of the dictionary that is neither the canonical name nor its plural, for a name recipes use.
  return (
    canonical !== undefined &&
    canonical !== name &&
    ingredientNamed(canonical)?.plural !== name &&
    NAMES.includes(canonical) &&
    !isStapleIngredient(canonical)
  );
});
const KINDS = KIND_CANDIDATES.filter((name) => canonicalOfKey(name) === name && hasNarrowerIngredients(name) && !isStapleIngredient(name));

type Pool = { group: string; names: readonly string[]; ks: readonly number[] };
/** Filled after the first load: the kinds keep those with long lists. */
let POOLS: Pool[] = [];
const LEAVES_COMMON = NAMES.filter(isLeaf).slice(0, 40);
const LEAVES_RARE = NAMES.slice(300).filter(isLeaf);

type Variant = "none" | "without" | "without + vegetarian";
const VARIANTS: Variant[] = ["none", "without", "without + vegetarian"];

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");

function pick(random: () => number, pool: readonly string[], k: number): string[] {
  const terms = new Set<string>();
  while (terms.size < Math.min(k, pool.length)) terms.add(pool[Math.floor(random() * pool.length)]!);
  return [...terms];
}

/** One search of a shape: the typed terms, and for the variants an exclusion unrelated to them (and vegetarian). */
function shapeQuery(random: () => number, pool: Pool, k: number, variant: Variant): SearchQuery {
  const names =
    variant === "without + vegetarian"
      ? pool.names.filter((name) => (dietFlagsOf(resolveTypedTerms([name])[0] ?? name) & vegetarianMask) === 0)
      : pool.names;
  const ingredients = pick(random, names, k);
  if (variant === "none") return { ingredients };
  const typed = resolveTypedTerms(ingredients);
  const candidates = EXCLUSIONS.filter((ex) => !typed.some((term) => covers(ex, term) || covers(term, ex)));
  const without = [candidates[Math.floor(random() * candidates.length)]!];
  return variant === "without" ? { ingredients, without } : { ingredients, without, diets: ["vegetarian"] };
}

/** The plain ranking query for the same search (canonical terms, as the tests build it). */
function plainFor(query: SearchQuery, limit = PAGE_SIZE): SQL {
  const assumeStaples = query.assumeStaples ?? true;
  const typed = rankingTerms(resolveTypedTerms(query.ingredients), assumeStaples);
  return plainSearchQuery(typed, {
    assumeStaples,
    without: resolveTypedTerms(query.without ?? []),
    dietMask: dietMask(query.diets ?? []),
    offset: ((query.page ?? 1) - 1) * PAGE_SIZE,
    limit,
  });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const dialect = new PgDialect();

/** A Db that records every statement (and its time) sent through it and its transactions. */
function recording(db: Db, log: { query: SQL; ms: number }[]): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "execute")
        return async (query: SQL) => {
          const start = performance.now();
          const result = await target.execute(query);
          log.push({ query, ms: performance.now() - start });
          return result;
        };
      if (prop === "transaction")
        return (fn: (tx: Db) => Promise<unknown>, config?: unknown) =>
          target.transaction((tx) => fn(recording(tx as unknown as Db, log)), config as never);
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

type CaseResult = {
  driver: string;
  size: number;
  group: string;
  k: number;
  variant: Variant;
  fast: number[];
  plain: number[];
  statements: number;
};
const results: CaseResult[] = [];
const plans: string[] = [];
const checks: string[] = [];
const loads: string[] = [];
const listLengths: string[] = [];
type SuggestResult = { driver: string; size: number; letters: number; times: number[]; empty: number };
const suggestions: SuggestResult[] = [];

/** What a cook has typed so far: the first 1–4 letters of dictionary names and other names. */
const TYPED_SOURCES = [...dictionaryIngredients()].flatMap((entry) => [entry.name, ...otherNamesOf(entry.name)]);

/** suggestIngredients (8 suggestions, as the search box asks) for prefixes of 1, 2, 3 and 4 letters. */
async function benchmarkSuggestions(driver: string, db: Db, size: number) {
  const random = mulberry32(size + 2);
  for (const letters of [1, 2, 3, 4]) {
    const prefixes = Array.from({ length: QUERIES * 2 }, () =>
      TYPED_SOURCES[Math.floor(random() * TYPED_SOURCES.length)]!.slice(0, letters),
    );
    for (const prefix of prefixes.slice(0, 3)) await suggestIngredients(db, prefix, 8); // warm-up
    const times: number[] = [];
    let empty = 0;
    for (const prefix of prefixes) {
      const start = performance.now();
      const found = await suggestIngredients(db, prefix, 8);
      times.push(performance.now() - start);
      if (found.length === 0) empty++;
    }
    const result = { driver, size, letters, times: times.sort((a, b) => a - b), empty };
    suggestions.push(result);
    console.log(
      `${driver} ${size} suggestions, ${letters} letters: p50 ${fmt(percentile(result.times, 50))} p95 ${fmt(percentile(result.times, 95))} ms`,
    );
  }
}

/** A statement's arguments as EXECUTE takes them: quoted literals in brackets, nothing when there are none. */
const explainArguments = (args: readonly (string | null)[]) =>
  args.length === 0 ? "" : `(${args.map((arg) => (arg === null ? "NULL" : `'${arg.replaceAll("'", "''")}'`)).join(", ")})`;

/** EXPLAIN (ANALYZE, BUFFERS) of every statement one searchRecipes call sends that reads the postings, with its own time. */
async function explainSearch(handle: DatabaseHandle, title: string, query: SearchQuery): Promise<void> {
  const log: { query: SQL; ms: number }[] = [];
  await searchRecipes(handle.db, query); // warm
  await searchRecipes(recording(handle.db, log), query);
  const sections = [
    `### ${title}\n\n\`${JSON.stringify(query)}\`: ${log.length} statements, ${fmt(log.reduce((s, e) => s + e.ms, 0))} ms in all (${log.map((e) => fmt(e.ms)).join(" + ")} ms).\n`,
  ];
  for (const [i, entry] of log.entries()) {
    const { sql: text, params } = dialect.sqlToQuery(entry.query);
    // A search_run call carries its statements' texts, their parameter types and, last, every statement's arguments
    // as one jsonb array (core/search/statements.ts): each statement is prepared and explained on its own, with the same settings.
    const carried = params.filter((param): param is string => typeof param === "string");
    const count = text.includes("search_run(") ? (carried.length - 1) / 2 : 0;
    const argumentsOf = (j: number) => explainArguments((JSON.parse(carried.at(-1)!) as (string | null)[][])[j]!);
    const statements =
      count > 0
        ? Array.from({ length: count }, (_, j) => ({ text: carried[j]!, types: carried[count + j]!, args: argumentsOf(j) }))
        : [{ text, types: "", args: "" }];
    for (const [j, statement] of statements.entries()) {
      if (!statement.text.includes("recipe_ingredients")) continue;
      const plan = await withWalkSettings(handle.db, async (tx) => {
        if (count === 0) return rows(await tx.execute(sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${entry.query}`));
        await tx.execute(sql.raw(`PREPARE bench_explained ${statement.types} AS ${statement.text}`));
        const explained = rows(await tx.execute(sql.raw(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE bench_explained${statement.args}`)));
        await tx.execute(sql.raw("DEALLOCATE bench_explained"));
        return explained;
      });
      sections.push(
        `Statement ${i + 1}${count > 1 ? `, part ${j + 1}` : ""} (${fmt(entry.ms)} ms in the search):\n\n\`\`\`\n${plan.map((row) => String(row["QUERY PLAN"])).join("\n")}\n\`\`\`\n`,
      );
    }
  }
  plans.push(sections.join("\n"));
}

async function benchmark(driver: string, handle: DatabaseHandle, size: number, { reuse = false } = {}) {
  const db = handle.db;
  const started = performance.now();
  if (!reuse) await loadRecipes(handle, size, { seed: 42 });
  loads.push(
    `${driver} ${size.toLocaleString("en")}: ${reuse ? "an existing database loaded the same way (BENCH_PG_REUSE)" : `loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`}`,
  );
  console.log(loads.at(-1));

  // Which kinds have long lists here: a kind in at least 2 % of the recipes is benchmarked as a kind.
  const described = await describeTerms(db, KINDS);
  listLengths.push(
    `${driver} ${size.toLocaleString("en")}: ` +
      described
        .sort((a, b) => b.count - a.count)
        .map(
          (term) =>
            `${term.name} ${term.count.toLocaleString("en")} (${((100 * term.count) / size).toFixed(1)} %, widest cover ${term.maxCovers})`,
        )
        .join(", "),
  );
  if (POOLS.length === 0) {
    const long = described.filter((term) => term.count >= size * 0.02).map((term) => term.name);
    POOLS = [
      { group: "leaves, common", names: LEAVES_COMMON, ks: [1, 3, 6] },
      { group: "leaves, rare", names: LEAVES_RARE, ks: [1, 3, 6] },
      { group: "kinds", names: long, ks: [1, 3] },
      { group: "other names", names: OTHER_NAMES, ks: [1, 3] },
    ];
  }

  // The plain query takes seconds from 100,000 recipes up: a few per case give its order of magnitude.
  const plainQueries = Number(process.env.BENCH_PLAIN ?? (size >= 1_000_000 ? 1 : size >= 100_000 ? 2 : 5));
  const random = mulberry32(size);
  const groups = process.env.BENCH_GROUPS?.split(";");
  for (const pool of POOLS.filter((p) => !groups || groups.includes(p.group))) {
    for (const k of pool.ks) {
      for (const variant of VARIANTS) {
        const queries = Array.from({ length: QUERIES }, () => shapeQuery(random, pool, k, variant));
        for (const query of queries.slice(0, 3)) await searchRecipes(db, query); // warm-up
        const fast: number[] = [];
        for (const query of queries) fast.push(await time(() => searchRecipes(db, query)));
        const plain: number[] = [];
        for (const query of queries.slice(0, plainQueries)) plain.push(await time(() => db.execute(plainFor(query))));
        const log: { query: SQL; ms: number }[] = [];
        await searchRecipes(recording(db, log), queries[0]!);
        const result = {
          driver,
          size,
          group: pool.group,
          k,
          variant,
          fast: fast.sort((a, b) => a - b),
          plain: plain.sort((a, b) => a - b),
          statements: log.length,
        };
        results.push(result);
        console.log(
          `${driver} ${size} ${pool.group} k=${k} ${variant}: p50 ${fmt(percentile(result.fast, 50))} p95 ${fmt(percentile(result.fast, 95))} max ${fmt(result.fast.at(-1)!)} ms;` +
            ` plain p50 ${fmt(percentile(result.plain, 50))} ms`,
        );
      }
    }
  }
  await benchmarkSuggestions(driver, db, size);
  if (driver === "postgres") {
    const kinds = POOLS.find((pool) => pool.group === "kinds")!.names;
    await explainSearch(handle, `${driver}, ${size.toLocaleString("en")} recipes: 3 kinds`, { ingredients: kinds.slice(0, 3) });
    await explainSearch(handle, `${driver}, ${size.toLocaleString("en")} recipes: 3 common leaves`, {
      ingredients: LEAVES_COMMON.slice(0, 3),
    });
    if (process.env.BENCH_EXPLAIN) await explainSearch(handle, "asked for", JSON.parse(process.env.BENCH_EXPLAIN) as SearchQuery);
  }
  await check(driver, handle, size);
}

/** Random searches mixing every shape, exclusions, diets, both staple modes and pages 1–3: the same page as the plain query? */
async function check(driver: string, handle: DatabaseHandle, size: number) {
  const count = Number(process.env.BENCH_CHECK ?? (size >= 1_000_000 ? 100 : 300));
  const random = mulberry32(size + 1);
  const staples = [...PANTRY_STAPLES];
  const everything = POOLS.flatMap((pool) => pool.names);
  let mismatches = 0;
  let compared = 0;
  let filtered = 0;
  for (let i = 0; i < count; i++) {
    const k = 1 + Math.floor(random() * 6);
    const terms = new Set<string>();
    while (terms.size < k) {
      const r = random();
      const pool = r < 0.85 ? POOLS[Math.floor(random() * POOLS.length)]!.names : r < 0.95 ? staples : everything;
      terms.add(pool[Math.floor(random() * pool.length)]!);
    }
    const without = random() < 0.4 ? pick(random, random() < 0.6 ? EXCLUSIONS : everything, random() < 0.8 ? 1 : 2) : [];
    const diets: Diet[] = random() < 0.35 ? [DIETS[Math.floor(random() * DIETS.length)]!] : [];
    const query: SearchQuery = {
      ingredients: [...terms],
      without,
      diets,
      assumeStaples: random() < 0.5,
      page: 1 + Math.floor(random() * 3),
    };
    const fast = await searchRecipes(handle.db, query);
    const plain = rows(await handle.db.execute(plainFor(query)));
    const a = JSON.stringify(fast.results.map((r) => [r.id, r.used.length, r.missing.length]));
    const b = JSON.stringify(plain.map((r) => [Number(r.id), Number(r.used), Number(r.missing)]));
    compared += plain.length;
    if (without.length + diets.length > 0) filtered += plain.length;
    if (a !== b) {
      mismatches++;
      console.error("MISMATCH", JSON.stringify(query));
    }
  }
  checks.push(
    `${driver} ${size.toLocaleString("en")}: ${count} random searches (${compared.toLocaleString("en")} result rows compared, ${filtered.toLocaleString("en")} of them filtered), **${mismatches} differing** from the plain query`,
  );
  console.log(checks.at(-1));
}

async function main() {
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  const reuse = process.env.BENCH_PG_REUSE;
  for (const size of PG_SIZES) {
    if (reuse) {
      const url = new URL(PG_URL);
      url.pathname = `/${reuse}`;
      const handle = openPostgres(url.toString(), { max: 1 });
      try {
        await benchmark("postgres", handle, size, { reuse: true });
      } finally {
        await handle.close();
      }
      writeFileSync(OUT, report());
      continue;
    }
    const name = `pantry_bench_${size}_${process.pid}`;
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const handle = openPostgres(url.toString(), { max: 1 });
    try {
      await runMigrations(handle);
      await benchmark("postgres", handle, size);
    } finally {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
    writeFileSync(OUT, report()); // partial results survive a later failure
  }
  await admin.end();
  for (const size of PGLITE_SIZES) {
    const handle = await openPglite("memory://");
    try {
      await runMigrations(handle);
      await benchmark("pglite", handle, size);
    } finally {
      await handle.close();
    }
    writeFileSync(OUT, report());
  }
  writeFileSync(OUT, report());
  console.log(`\nWritten to ${OUT}`);
}

const loadAtStart = os.loadavg();

function commit(): string {
  try {
    const head = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    const dirty = execSync("git status --porcelain -- core bench/lib bench/search.ts bench/generate-recipes.ts", {
      encoding: "utf8",
    }).trimEnd();
    return dirty
      ? `${head} with uncommitted changes to ${dirty
          .split("\n")
          .map((line) => line.slice(3))
          .join(", ")}`
      : head;
  } catch {
    return "unknown";
  }
}

function report(): string {
  const table = results.map((r) => {
    const p95 = percentile(r.fast, 95);
    const target = targetMs(r.driver, r.size);
    const over = target !== undefined && p95 > target ? ` **over ${target} ms**` : "";
    return `| ${r.driver} | ${r.size.toLocaleString("en")} | ${r.group} | ${r.k} | ${r.variant} | ${fmt(percentile(r.fast, 50))} | ${fmt(p95)}${over} | ${fmt(r.fast.at(-1)!)} | ${r.statements} | ${fmt(percentile(r.plain, 50))} | ${fmt(percentile(r.plain, 95))} (${r.plain.length}) |`;
  });
  const worst = (driver: string, size: number) => {
    const cases = results.filter((r) => r.driver === driver && r.size === size);
    if (cases.length === 0) return undefined;
    const top = cases.reduce((a, b) => (percentile(a.fast, 95) >= percentile(b.fast, 95) ? a : b));
    const target = targetMs(driver, size);
    const p95 = percentile(top.fast, 95);
    const verdict =
      target === undefined
        ? ""
        : ` — target ≤ ${target} ms: ${p95 <= target ? "met" : `missed (${cases.filter((r) => percentile(r.fast, 95) > target).length} of ${cases.length} shapes over)`}`;
    return `${driver} ${size.toLocaleString("en")}: worst p95 ${fmt(p95)} ms (${top.group}, k=${top.k}, ${top.variant})${verdict}`;
  };
  const worsts = [...new Set(results.map((r) => `${r.driver}|${r.size}`))]
    .map((key) => worst(key.split("|")[0]!, Number(key.split("|")[1])))
    .filter(Boolean);
  return [
    "# Ingredient search at scale",
    "",
    process.env.BENCH_NOTE ?? "",
    "",
    `Commit measured: ${commit()}. Run ended ${new Date().toISOString()} on ${os.cpus().length} cores; load average ${loadAtStart.map((l) => l.toFixed(1)).join(" / ")} at the start and ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} at the end; Node ${process.version}.`,
    "",
    `Recipes generated over the ingredient dictionary's names (bench/generate-recipes.ts, seed 42). ${QUERIES} timed searches per case after 3 warm-up ones; times are the whole \`searchRecipes\` call (resolving, counts, walk, page read) as the site makes it, staples assumed, through the driver on one connection. The plain column is the plain ranking query alone (bench/lib/reference-search.ts, canonical terms), over the first few searches of the case (count in brackets). "statements" is how many statements one search of the case sent.`,
    "",
    `- Leaves, common: the ${LEAVES_COMMON.length} most popular names that are no kind of anything and not pantry staples (${LEAVES_COMMON.slice(0, 6).join(", ")}, …).`,
    `- Leaves, rare: the ${LEAVES_RARE.length} such names from popularity rank 300 on (≈ 0.2–0.6 % of recipes each).`,
    `- Kinds: ${POOLS.find((pool) => pool.group === "kinds")?.names.join(", ") ?? "–"} (those of ${KIND_CANDIDATES.join(", ")} that are kinds, not staples, and in at least 2 % of the recipes; pepper resolves to black pepper, a staple leaf, and sugar is a staple).`,
    `- Other names: ${OTHER_NAMES.map((name) => `${name} → ${canonicalOfKey(name)}`).join(", ")} (aka entries of the dictionary whose canonical name the recipes use).`,
    `- Variants: none; "without" one of ${EXCLUSIONS.join(", ")} unrelated to the typed names; "without + vegetarian" the same plus the vegetarian diet, typed names drawn from the pool's vegetarian ones.`,
    "",
    "## Worst p95 per database and size",
    "",
    ...worsts.map((line) => `- ${line}`),
    "",
    "## Suggestions",
    "",
    `\`suggestIngredients(db, prefix, 8)\` as the search box calls it, for ${QUERIES * 2} prefixes per length: the first 1–4 letters of dictionary names and other names drawn at random (the matching is in memory; one query reads the candidates' recipe counts from ingredient_stats).`,
    "",
    "| driver | recipes | letters typed | p50 | p95 | max | empty answers |",
    "|---|---|---|---|---|---|---|",
    ...suggestions.map(
      (r) =>
        `| ${r.driver} | ${r.size.toLocaleString("en")} | ${r.letters} | ${fmt(percentile(r.times, 50))} | ${fmt(percentile(r.times, 95))}${r.size >= 1_000_000 && percentile(r.times, 95) > SUGGESTION_TARGET_MS ? ` **over ${SUGGESTION_TARGET_MS} ms**` : ""} | ${fmt(r.times.at(-1)!)} | ${r.empty} |`,
    ),
    "",
    "## Times per query shape (ms)",
    "",
    "| driver | recipes | shape | typed | filters | p50 | p95 | max | statements | plain p50 | plain p95 (n) |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...table,
    "",
    "## Same results",
    "",
    "Each random search mixes the shapes' names (plus pantry staples), sometimes one or two exclusions (kinds or names) and a diet, either staple mode, and page 1, 2 or 3; its page (ids, used, missing) is compared with the plain query's.",
    "",
    ...checks.map((line) => `- ${line}`),
    "",
    "## Posting-list lengths of the candidate kinds",
    "",
    ...listLengths.map((line) => `- ${line}`),
    "",
    "## Loading",
    "",
    ...loads.map((line) => `- ${line}`),
    "",
    "## Plans (EXPLAIN ANALYZE, BUFFERS) of every statement of one search that reads the postings",
    "",
    ...plans,
  ].join("\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
