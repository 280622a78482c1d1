/**
 * `npm run bench:search`: the ingredient search at scale, fast walk against the plain ranking
 * query, on PostgreSQL (fresh databases, dropped afterwards) and on an in-memory PGlite.
 *
 *   BENCH_SIZES=10000,100000,1000000   PostgreSQL sizes        BENCH_PGLITE_SIZES=10000,100000
 *   BENCH_QUERIES=40                    timed queries per case  BENCH_CHECK=300 (100 from 1M up)
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres    BENCH_OUT=bench/search-results.md
 *   BENCH_NOTE="..."                    a line printed on top of the results (e.g. machine state)
 *
 * Smoke run: BENCH_SIZES=10000 BENCH_PGLITE_SIZES=10000 npm run bench:search
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPglite, openPostgres, rows, type DatabaseHandle } from "@/infra/db/client";
import { runMigrations } from "@/infra/db/migrate";
import { PANTRY_STAPLES } from "@/core/search/staples";
import { plainSearchQuery } from "@/bench/lib/reference-search";
import { PAGE_SIZE, searchRecipes } from "@/core/search/search";
import { describeTerms, levelsFor, rankedLevelsQuery, rankingTerms, withWalkSettings } from "@/core/search/walk";
import { loadRecipes, mulberry32, vocabulary } from "./generate-recipes";

const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(",").filter(Boolean).map(Number);
const PG_SIZES = list(process.env.BENCH_SIZES, "10000,100000,1000000");
const PGLITE_SIZES = list(process.env.BENCH_PGLITE_SIZES, "10000,100000");
const QUERIES = Number(process.env.BENCH_QUERIES ?? 40);
const PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const OUT = process.env.BENCH_OUT ?? "bench/search-results.md";
const NAMES = vocabulary();
// Typed staples do not rank while staples are assumed (rankingTerms): the pools leave them out so
// "6 typed" means six names the search really walks. The same-results check still types staples.
const POOLS = { common: NAMES.filter((name) => !PANTRY_STAPLES.has(name)).slice(0, 40), rare: NAMES.slice(300) } as const;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function pick(random: () => number, pool: readonly string[], k: number): string[] {
  const terms = new Set<string>();
  while (terms.size < k) terms.add(pool[Math.floor(random() * pool.length)]!);
  return [...terms];
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

type CaseResult = { driver: string; size: number; pool: string; k: number; fast: number[]; plain: number[] };
const results: CaseResult[] = [];
const plans: string[] = [];
const checks: string[] = [];
const loads: string[] = [];

async function explain(handle: DatabaseHandle, query: ReturnType<typeof sql>, settings: boolean): Promise<string> {
  const run = (db: DatabaseHandle["db"]) => db.execute(sql`EXPLAIN (ANALYZE, COSTS OFF) ${query}`);
  const plan = rows(settings ? await withWalkSettings(handle.db, run) : await run(handle.db));
  return plan.map((row) => String(row["QUERY PLAN"])).join("\n");
}

async function benchmark(driver: string, handle: DatabaseHandle, size: number) {
  const db = handle.db;
  const started = performance.now();
  await loadRecipes(handle, size, { seed: 42 });
  loads.push(`${driver} ${size.toLocaleString("en")}: loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Plain queries at 1M take seconds each: fewer of them there.
  const plainQueries = size >= 1_000_000 ? Math.min(QUERIES, 6) : size >= 100_000 ? Math.min(QUERIES, 20) : QUERIES;
  const random = mulberry32(size);
  for (const [pool, names] of Object.entries(POOLS)) {
    for (const k of [1, 3, 6]) {
      const queries = Array.from({ length: QUERIES }, () => pick(random, names, k));
      for (const terms of queries.slice(0, 3)) await searchRecipes(db, { ingredients: terms }); // warm-up
      const fast: number[] = [];
      for (const terms of queries) fast.push(await time(() => searchRecipes(db, { ingredients: terms })));
      const plain: number[] = [];
      for (const terms of queries.slice(0, plainQueries))
        plain.push(await time(() => db.execute(plainSearchQuery(terms, { assumeStaples: true }))));
      results.push({ driver, size, pool, k, fast: fast.sort((a, b) => a - b), plain: plain.sort((a, b) => a - b) });
      const last = results.at(-1)!;
      console.log(
        `${driver} ${size} ${pool} k=${k}: fast p50 ${percentile(last.fast, 50).toFixed(1)} p95 ${percentile(last.fast, 95).toFixed(1)} ms;` +
          ` plain p50 ${percentile(last.plain, 50).toFixed(1)} p95 ${percentile(last.plain, 95).toFixed(1)} ms`,
      );
      if (pool === "common" && k !== 1) {
        const { levels } = levelsFor(await describeTerms(db, rankingTerms(queries[0]!, true)), true);
        plans.push(
          `### ${driver}, ${size.toLocaleString("en")} recipes, ${k} common: ${queries[0]!.join(", ")}\n\nFast walk (one statement):\n\n\`\`\`\n${await explain(handle, rankedLevelsQuery(levels, PAGE_SIZE), true)}\n\`\`\`\n`,
        );
        if (k === 6)
          plans.push(
            `Plain query, same terms:\n\n\`\`\`\n${await explain(handle, plainSearchQuery(queries[0]!, { assumeStaples: true }), false)}\n\`\`\`\n`,
          );
      }
    }
  }
  await check(driver, handle, size);
}

/** Random searches (1–6 names, common, rare and staples, both staple modes, pages 1–3): same top 20? */
async function check(driver: string, handle: DatabaseHandle, size: number) {
  const count = Number(process.env.BENCH_CHECK ?? (size >= 1_000_000 ? 100 : 300));
  const random = mulberry32(size + 1);
  const staples = [...PANTRY_STAPLES];
  let mismatches = 0;
  for (let i = 0; i < count; i++) {
    const k = 1 + Math.floor(random() * 6);
    const terms = [
      ...new Set(
        Array.from({ length: k }, () => {
          const r = random();
          return r < 0.45
            ? POOLS.common[Math.floor(random() * 40)]!
            : r < 0.9
              ? POOLS.rare[Math.floor(random() * POOLS.rare.length)]!
              : staples[Math.floor(random() * staples.length)]!;
        }),
      ),
    ];
    const assumeStaples = random() < 0.5;
    const page = 1 + Math.floor(random() * 3);
    const fast = await searchRecipes(handle.db, { ingredients: terms, assumeStaples, page });
    const plain = rows(await handle.db.execute(plainSearchQuery(terms, { assumeStaples, offset: (page - 1) * PAGE_SIZE })));
    const a = JSON.stringify(fast.results.map((r) => [r.id, r.used.length, r.missing.length]));
    const b = JSON.stringify(plain.map((r) => [Number(r.id), Number(r.used), Number(r.missing)]));
    if (a !== b) {
      mismatches++;
      console.error("MISMATCH", { terms, assumeStaples, page });
    }
  }
  checks.push(`${driver} ${size.toLocaleString("en")}: ${count} random searches, ${mismatches} differing from the plain query`);
  console.log(checks.at(-1));
}

async function main() {
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  for (const size of PG_SIZES) {
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
  }
  writeFileSync(OUT, report());
  console.log(`\nWritten to ${OUT}`);
}

function report(): string {
  const fmt = (values: number[], p: number) => (values.length ? percentile(values, p).toFixed(1) : "–");
  const rows = results.map((r) => {
    const speedup = r.plain.length ? `${(percentile(r.plain, 95) / percentile(r.fast, 95)).toFixed(0)}×` : "–";
    return `| ${r.driver} | ${r.size.toLocaleString("en")} | ${r.k} ${r.pool} | ${fmt(r.fast, 50)} | ${fmt(r.fast, 95)} | ${fmt(r.plain, 50)} | ${fmt(r.plain, 95)} | ${speedup} |`;
  });
  return [
    "# Ingredient search at scale",
    "",
    process.env.BENCH_NOTE ?? "",
    "",
    `Run ${new Date().toISOString()} on ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} at the end; Node ${process.version}.`,
    `${QUERIES} timed searches per case (fewer plain ones from 100k up); times are the whole \`searchRecipes\` call (count, walk, page read) as the site makes it, staples assumed, through the driver; the plain column is the plain ranking query alone.`,
    "Common = drawn from the 40 most popular names that are not pantry staples (a typed staple does not rank while staples are assumed); rare = ranks 300–1,200 (≈ 0.2–0.6 %).",
    "",
    "| driver | recipes | typed | fast p50 ms | fast p95 ms | plain p50 ms | plain p95 ms | p95 speed-up |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "## Same results",
    "",
    ...checks.map((line) => `- ${line}`),
    "",
    "## Loading",
    "",
    ...loads.map((line) => `- ${line}`),
    "",
    "## Plans (EXPLAIN ANALYZE)",
    "",
    ...plans,
  ].join("\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
