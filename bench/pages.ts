import { BARE_PATHS, ensureBuild } from "../scripts/lib/app-build";
import { freshDatabase } from "../scripts/lib/fresh-database";
import { load, type LoadResult } from "./lib/load";
import { benchOptions, describeRun } from "./lib/options";
import { writeSection } from "./lib/results";
import { startServer } from "../scripts/lib/app-server";
import { fixed, markdownTable, percent } from "./lib/table";

/**
 * Pages under load: the app's home, a three-ingredient search and a recipe page, beside two bare
 * pages of the same build as the framework's ceilings; autocannon on loopback against `next start`.
 */
const SEARCH = "/?ingredients=tomato,garlic,onion";
/** Each of the app's pages serves at least this share of the bare dynamic page's requests per second. */
const TARGET_SHARE = 0.6;

type Target = { name: string; path: string; ceiling: "static" | "dynamic" | null };

async function firstRecipePath(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const id = html.match(/href="\/recipes\/(\d+)"/)?.[1];
  if (!id) throw new Error("the home page lists no recipe: is the catalogue loaded?");
  return `/recipes/${id}`;
}

/** How Next served the page: the prerender cache answers with x-nextjs-cache. */
async function servedAs(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const cache = response.headers.get("x-nextjs-cache");
  return cache ? `prerendered (${cache})` : "rendered per request";
}

async function main() {
  const options = benchOptions();
  ensureBuild(options.reuseBuild);
  const database = await freshDatabase(options.databaseUrl);
  const server = await startServer(options.port, database.env);
  try {
    const targets: Target[] = [
      { name: "bare static page", path: BARE_PATHS.static, ceiling: null },
      { name: "bare dynamic page (20-item list)", path: BARE_PATHS.dynamic, ceiling: null },
      { name: "home, no query", path: "/", ceiling: "dynamic" },
      { name: "search, 3 ingredients", path: SEARCH, ceiling: "dynamic" },
      { name: "recipe page", path: await firstRecipePath(server.url), ceiling: "dynamic" },
    ];
    const modes = new Map<string, string>();
    for (const target of targets) modes.set(target.path, await servedAs(server.url + target.path));

    const results = new Map<string, LoadResult>();
    const key = (path: string, connections: number) => `${path}@${connections}`;
    for (const connections of options.connections) {
      for (const target of targets) {
        // A short warm-up so the first measured second is not the JIT's or the connection pool's.
        await load(server.url, { path: target.path }, { duration: Math.min(2, options.duration), connections });
        const result = await load(server.url, { path: target.path }, { duration: options.duration, connections });
        results.set(key(target.path, connections), result);
        console.log(`${target.name} @ ${connections}: ${fixed(result.rps)} req/s, p99 ${fixed(result.p99)} ms`);
      }
    }

    const rows = options.connections.flatMap((connections) =>
      targets.map((target) => {
        const result = results.get(key(target.path, connections))!;
        const ceilingPath = target.ceiling ? BARE_PATHS[target.ceiling] : null;
        const ceiling = ceilingPath ? results.get(key(ceilingPath, connections))! : null;
        const ratio = ceiling ? result.rps / ceiling.rps : Number.NaN;
        const verdict = ceiling
          ? `${percent(ratio)} of bare ${target.ceiling} (target ≥ ${percent(TARGET_SHARE)}: ${ratio >= TARGET_SHARE ? "met" : "missed"})`
          : "ceiling";
        return [
          target.name,
          connections,
          fixed(result.rps),
          fixed(result.p50),
          fixed(result.p95),
          fixed(result.p99),
          result.errors + result.bad,
          modes.get(target.path)!,
          verdict,
        ];
      }),
    );
    const table = markdownTable(["page", "connections", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "served", "vs. ceiling"], rows);
    console.log(`\n${table}`);
    writeSection(
      "pages",
      `## Pages under load

${describeRun(options, `connections ${options.connections.join(", ")}`)}

${table}

How: \`next start\` of the benchmark's own build (\`bench/.build/app\`: the app plus two bare pages with a
root layout of their own, never shipped), \`autocannon\` on loopback, keep-alive connections, after a
warm-up of up to 2 s per row. The recipe page is the first one the home page lists; the search is
\`${SEARCH}\`. Latencies are exact percentiles of every response. "errors" counts socket
errors, timeouts and 4xx/5xx answers. The bare pages go through the app's middleware too.`,
    );
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
