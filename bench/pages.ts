import { BARE_PATHS, ensureBuild } from "../scripts/lib/app-build";
import { freshDatabase, type BenchDatabase } from "../scripts/lib/fresh-database";
import { load, type LoadResult } from "./lib/load";
import { processTreeCpuMs } from "./lib/process-cpu";
import { benchOptions, describeRun, type BenchOptions } from "./lib/options";
import { flameGraph } from "./lib/flamegraph";
import { profiledServer } from "./lib/profiled-server";
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
  let section: string;
  let targets: Target[];
  try {
    targets = [
      { name: "bare static page", path: BARE_PATHS.static, ceiling: null },
      { name: "bare dynamic page (20-item list)", path: BARE_PATHS.dynamic, ceiling: null },
      { name: "home, no query", path: "/", ceiling: "dynamic" },
      { name: "search, 3 ingredients", path: SEARCH, ceiling: "dynamic" },
      { name: "recipe page", path: await firstRecipePath(server.url), ceiling: "dynamic" },
    ];
    const modes = new Map<string, string>();
    for (const target of targets) modes.set(target.path, await servedAs(server.url + target.path));

    const results = new Map<string, LoadResult & { cpuMsPerRequest: number }>();
    const key = (path: string, connections: number) => `${path}@${connections}`;
    // Every page once before any is measured: the first rows would otherwise carry the JIT's and the server's own
    // warming up (the bare dynamic page measured first cost 2.73 CPU ms per request at 10 connections, 1.87 at 50).
    for (const target of targets) {
      await load(server.url, { path: target.path }, { duration: Math.min(5, options.duration), connections: options.connections[0]! });
    }
    for (const connections of options.connections) {
      for (const target of targets) {
        // A short warm-up so the first measured second is not the JIT's or the connection pool's.
        await load(server.url, { path: target.path }, { duration: Math.min(2, options.duration), connections });
        const cpuBefore = processTreeCpuMs(server.pid);
        const result = await load(server.url, { path: target.path }, { duration: options.duration, connections });
        const cpuMsPerRequest = (processTreeCpuMs(server.pid) - cpuBefore) / result.requests;
        results.set(key(target.path, connections), { ...result, cpuMsPerRequest });
        console.log(
          `${target.name} @ ${connections}: ${fixed(result.rps)} req/s, p99 ${fixed(result.p99)} ms, ${fixed(cpuMsPerRequest, 2)} CPU ms`,
        );
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
          fixed(result.cpuMsPerRequest, 2),
          result.errors + result.bad,
          modes.get(target.path)!,
          verdict,
        ];
      }),
    );
    const table = markdownTable(
      ["page", "connections", "req/s", "p50 ms", "p95 ms", "p99 ms", "CPU ms per request", "errors", "served", "vs. ceiling"],
      rows,
    );
    console.log(`\n${table}`);
    section = `## Pages under load

${describeRun(options, `connections ${options.connections.join(", ")}`)}

${table}

How: \`next start\` of the benchmark's own build (\`bench/.build/app\`: the app plus two bare pages with a
root layout of their own, never shipped), \`autocannon\` on loopback, keep-alive connections, after a
warm-up of every page (up to 5 s each) before the first row and of up to 2 s per row. The recipe page is the first one the home page lists; the search is
\`${SEARCH}\`. Latencies are exact percentiles of every response. "errors" counts socket
errors, timeouts and 4xx/5xx answers. The bare pages go through the app's middleware too. "CPU ms per
request" is the server's CPU time (user + system, from /proc, the embedded database included) over the
run divided by the requests answered: the cost of a page, which the machine's other load moves less
than req/s.`;
  } finally {
    await server.stop();
  }
  try {
    section += `\n\n${await whereTheTimeGoes(options, database, targets.slice(1))}`;
  } finally {
    await database.drop();
  }
  writeSection("pages", section);
}

/**
 * Each page again, alone, against a server under `--cpu-prof` (not the measured one: the profiler
 * costs CPU too): the main thread's busy time per request by where the code comes from.
 */
async function whereTheTimeGoes(options: BenchOptions, database: BenchDatabase, targets: Target[]): Promise<string> {
  const PROFILED_SECONDS = 5;
  const perPage: { name: string; busyMs: number; groups: Map<string, number> }[] = [];
  for (const target of targets) {
    const { result: requests, profile } = await profiledServer(options.port, database.env, async (server) => {
      let answered = 0;
      for (const duration of [1, PROFILED_SECONDS]) {
        answered += (await load(server.url, { path: target.path }, { duration, connections: options.connections[0]! })).requests;
      }
      return answered;
    });
    // From the first request Next handles to the last: the server's start-up is left out.
    const graph = flameGraph(profile, { title: target.name, during: "handleRequestImpl" });
    perPage.push({
      name: target.name,
      busyMs: graph.busyMs / requests,
      groups: new Map(graph.groups.map(({ group, ms }) => [group, ms / requests])),
    });
  }
  const groups = [...new Set(perPage.flatMap((page) => [...page.groups.keys()]))];
  const table = markdownTable(
    ["code", ...perPage.map((page) => page.name)],
    [
      ...groups.map((group) => [group, ...perPage.map((page) => fixed(page.groups.get(group) ?? 0, 2))]),
      ["all (main thread busy)", ...perPage.map((page) => fixed(page.busyMs, 2))],
    ],
  );
  console.log(`\n${table}`);
  return `### Where a page's time goes (profiled runs)

Main-thread CPU ms per request by where the code comes from, each page alone for ${PROFILED_SECONDS} s at
${options.connections[0]} connections under \`--cpu-prof\` (which adds its own cost), from the first request Next
handles to the last. "next" is Next's runtime with React's server rendering, "bundle" the server build's
chunks (the app's code with the libraries it bundles), "middleware" the Edge sandbox, "pglite" the embedded
database, "node" Node's internals (HTTP, streams), "native" and "runtime" V8 builtins and the garbage collector.

${table}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
