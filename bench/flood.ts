/**
 * `npm run bench:flood`: what a flood of costly searches does to everybody else. 30 clients repeat
 * the costliest search a URL can ask for (12 common ingredients, the deepest page) against
 * `next start` of this checkout's production build (`npm run build` first) on PostgreSQL with
 * generated recipes, while a light probe measures /api/health and the /login page. Prints figures;
 * a 503 or any other failed answer of the probes is counted.
 *
 *   BENCH_FLOOD_RECIPES=100000   BENCH_DURATION=20   BENCH_FLOOD_CONNECTIONS=30   BENCH_PORT=5140
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres
 */
import { existsSync } from "node:fs";
import { loadRecipes, vocabulary } from "./generate-recipes";
import { freshDatabase } from "../scripts/lib/fresh-database";
import { load, type LoadResult } from "./lib/load";
import { startServer } from "../scripts/lib/app-server";
import { fixed, markdownTable } from "./lib/table";
import { PANTRY_STAPLES } from "@/core/search/staples";

const RECIPES = Number(process.env.BENCH_FLOOD_RECIPES ?? 100_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_FLOOD_CONNECTIONS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 5140);
const PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** The probes' pace: enough samples for a p99, too few to add load. */
const PROBE_RATE = 10;

const row = (label: string, result: LoadResult) => [
  label,
  String(result.requests),
  fixed(result.p50),
  fixed(result.p95),
  fixed(result.p99),
  String(result.bad + result.errors),
];

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build here: run `npm run build` first");
  const database = await freshDatabase(PG_URL);
  try {
    const handle = await database.open();
    try {
      await loadRecipes(handle, RECIPES, { seed: 11 });
    } finally {
      await handle.close();
    }
    const common = vocabulary()
      .filter((name) => !PANTRY_STAPLES.has(name))
      .slice(0, 12);
    const costly = `/?page=50&ingredients=${encodeURIComponent(common.join(","))}`;
    const server = await startServer(PORT, { ...database.env, TRUSTED_PROXY: "none" }, process.cwd());
    try {
      const probes = () =>
        Promise.all([
          load(server.url, { path: "/api/health" }, { duration: DURATION, connections: 1, rate: PROBE_RATE }),
          load(server.url, { path: "/login" }, { duration: DURATION, connections: 1, rate: PROBE_RATE }),
        ]);
      const [idleHealth, idleLogin] = await probes();
      const [flood, [health, login]] = await Promise.all([
        load(server.url, { path: costly }, { duration: DURATION, connections: CONNECTIONS }),
        probes(),
      ]);
      console.log(
        `\n${RECIPES.toLocaleString("en")} recipes on PostgreSQL, ${CONNECTIONS} clients repeating ${costly.slice(0, 60)}… for ${DURATION} s\n`,
      );
      console.log(
        markdownTable(
          ["requests", "answered", "p50 ms", "p95 ms", "p99 ms", "failed (≥ 400 or error)"],
          [
            row("/api/health, idle", idleHealth),
            row("/login, idle", idleLogin),
            row(`the costly search, ${CONNECTIONS} clients`, flood),
            row("/api/health, during the flood", health),
            row("/login, during the flood", login),
          ],
        ),
      );
      console.log(`\nsearches answered per second during the flood: ${fixed(flood.rps, 1)}`);
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
