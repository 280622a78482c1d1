/**
 * `npm run bench:flood`: what a flood of costly searches does to everybody else. 30 clients repeat
 * the costliest search a URL can ask for (12 common ingredients, the deepest page) against
 * `next start` of the benchmark's build on PostgreSQL with generated recipes, while light probes
 * measure /api/health and the pages real users open (home, an ordinary search, a recipe, login).
 * Writes the "flood" section of bench/results.md; a 503 or any other failed answer is counted.
 *
 *   BENCH_FLOOD_RECIPES=100000   BENCH_FLOOD_CONNECTIONS=30   (and the common --duration, --port, --reuse-build)
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres
 */
import { loadRecipes, vocabulary } from "./generate-recipes";
import { ensureBuild } from "../scripts/lib/app-build";
import { freshDatabase } from "../scripts/lib/fresh-database";
import { load, type LoadResult } from "./lib/load";
import { benchOptions, describeRun } from "./lib/options";
import { writeSection } from "./lib/results";
import { startServer } from "../scripts/lib/app-server";
import { fixed, markdownTable } from "./lib/table";
import { PANTRY_STAPLES } from "@/core/search/staples";

const RECIPES = Number(process.env.BENCH_FLOOD_RECIPES ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_FLOOD_CONNECTIONS ?? 30);
const PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Each probe's pace: enough samples for a p95, too few to add load. */
const PROBE_RATE = 10;
const HEALTH_P99_LIMIT_MS = 50;
const PAGE_P95_LIMIT_MS = 1000;

const row = (label: string, result: LoadResult, verdict = "") => [
  label,
  String(result.requests),
  fixed(result.p50),
  fixed(result.p95),
  fixed(result.p99),
  String(result.bad + result.errors),
  verdict,
];

const met = (ok: boolean) => (ok ? "met" : "missed");

async function main() {
  const options = benchOptions();
  ensureBuild(options.reuseBuild);
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
    const server = await startServer(options.port, { ...database.env, TRUSTED_PROXY: "none" });
    try {
      const recipe = (await (await fetch(server.url)).text()).match(/href="(\/recipes\/\d+)/)?.[1];
      if (!recipe) throw new Error("the home page lists no recipe");
      const pages = [
        { label: "home", path: "/" },
        { label: "a three-ingredient search", path: "/?ingredients=tomato,garlic,onion" },
        { label: "a recipe page", path: recipe },
        { label: "login page", path: "/login" },
      ];
      const probes = () =>
        Promise.all([
          load(server.url, { path: "/api/health" }, { duration: options.duration, connections: 1, rate: PROBE_RATE }),
          ...pages.map((page) => load(server.url, { path: page.path }, { duration: options.duration, connections: 1, rate: PROBE_RATE })),
        ]);
      const [idleHealth, ...idlePages] = await probes();
      const [flood, [health, ...busyPages]] = await Promise.all([
        load(server.url, { path: costly }, { duration: options.duration, connections: CONNECTIONS }),
        probes(),
      ]);
      const table = markdownTable(
        ["requests", "answered", "p50 ms", "p95 ms", "p99 ms", "failed (≥ 400 or error)", "target"],
        [
          row("/api/health, idle", idleHealth!),
          ...pages.map((page, i) => row(`${page.label}, idle`, idlePages[i]!)),
          row(`the costly search, ${CONNECTIONS} clients`, flood),
          row("/api/health, during the flood", health!, `p99 ≤ ${HEALTH_P99_LIMIT_MS} ms: ${met(health!.p99 <= HEALTH_P99_LIMIT_MS)}`),
          ...pages.map((page, i) =>
            row(
              `${page.label}, during the flood`,
              busyPages[i]!,
              `p95 < ${PAGE_P95_LIMIT_MS} ms: ${met(busyPages[i]!.p95 < PAGE_P95_LIMIT_MS)}`,
            ),
          ),
        ],
      );
      console.log(`\n${table}\n\nsearches answered per second during the flood: ${fixed(flood.rps, 1)}`);
      writeSection(
        "flood",
        `## Under a flood of costly searches

${describeRun({ ...options, databaseUrl: PG_URL }, `${RECIPES.toLocaleString("en")} generated recipes, ${CONNECTIONS} flooding clients`)}

${table}

The flood answered ${fixed(flood.rps, 1)} searches per second. How: \`next start\` of the benchmark's build on
PostgreSQL with ${RECIPES.toLocaleString("en")} generated recipes (bench/generate-recipes.ts); ${CONNECTIONS} keep-alive clients
repeat \`${costly.slice(0, 50)}…\` (12 common ingredients, page 50: the costliest search a URL can ask for), while
each probe requests its page ${PROBE_RATE} times a second on a connection of its own, alone first and then
during the flood. Rate limits are off (\`RATE_LIMIT_DISABLED=true\`), so every flooding request reaches the
search: the worst case for everybody else. The searches wait for one of a few search slots
(core/search/search.ts), so the rest of the site keeps its database connections.`,
      );
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
