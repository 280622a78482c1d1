import { BARE_PATHS, buildDirOf, ensureBuild, type MiddlewareVariant } from "../scripts/lib/app-build";
import { freshDatabase, type BenchDatabase } from "../scripts/lib/fresh-database";
import { startServer, type RunningServer } from "../scripts/lib/app-server";
import { load, type LoadResult } from "./lib/load";
import { processTreeCpuMs } from "./lib/process-cpu";
import { benchOptions, describeRun } from "./lib/options";
import { writeSection } from "./lib/results";
import { fixed, markdownTable } from "./lib/table";

/**
 * What the app's Edge middleware costs per request, against the framework's floor: the same bare
 * pages served by three builds of the app that differ only in middleware.ts (none, an empty Edge
 * one, the app's), all three servers up at once and measured in turns, so a noisy moment hits all.
 */
const VARIANTS: { variant: MiddlewareVariant; label: string }[] = [
  { variant: "none", label: "no middleware" },
  { variant: "empty", label: "empty Edge middleware" },
  { variant: "app", label: "the app's middleware" },
];
const PAGES = [
  { name: "bare static page", path: BARE_PATHS.static },
  { name: "bare dynamic page", path: BARE_PATHS.dynamic },
] as const;
/** Turns over the three servers; each figure is the median turn's. */
const ROUNDS = 3;
/** At most this many times the empty Edge middleware's cost per request. */
const TARGET_RATIO = 1.25;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const options = benchOptions();
  for (const { variant } of VARIANTS) ensureBuild(options.reuseBuild, variant);
  const connections = options.connections[0]!;
  const servers = new Map<MiddlewareVariant, RunningServer>();
  const databases: BenchDatabase[] = [];
  try {
    // A database each: an embedded one belongs to one process. The bare pages never read it.
    for (const [index, { variant }] of VARIANTS.entries()) {
      const database = await freshDatabase(options.databaseUrl);
      databases.push(database);
      servers.set(variant, await startServer(options.port + index, database.env, buildDirOf(variant)));
    }
    type Turn = LoadResult & { cpuMsPerRequest: number };
    const runs = new Map<string, Turn[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const page of PAGES) {
        for (const { variant, label } of VARIANTS) {
          const server = servers.get(variant)!;
          await load(server.url, { path: page.path }, { duration: 1, connections });
          const cpuBefore = processTreeCpuMs(server.pid);
          const result = await load(server.url, { path: page.path }, { duration: options.duration, connections });
          const cpuMsPerRequest = (processTreeCpuMs(server.pid) - cpuBefore) / result.requests;
          const key = `${variant} ${page.path}`;
          runs.set(key, [...(runs.get(key) ?? []), { ...result, cpuMsPerRequest }]);
          console.log(`turn ${round}, ${page.name}, ${label}: ${fixed(result.rps)} req/s, ${fixed(cpuMsPerRequest, 2)} CPU ms per request`);
        }
      }
    }

    const turns = (variant: MiddlewareVariant, path: string) => runs.get(`${variant} ${path}`)!;
    const cpu = (variant: MiddlewareVariant, path: string) => median(turns(variant, path).map((turn) => turn.cpuMsPerRequest));
    const rows = PAGES.flatMap((page) => {
      const floor = cpu("none", page.path);
      const emptyCost = cpu("empty", page.path) - floor;
      return VARIANTS.map(({ variant, label }) => {
        const cost = cpu(variant, page.path) - floor;
        const bad = turns(variant, page.path).reduce((sum, turn) => sum + turn.bad + turn.errors, 0);
        const ratio = cost / emptyCost;
        const verdict =
          variant === "none"
            ? "reference"
            : variant === "empty"
              ? "the floor for any Edge middleware"
              : emptyCost <= 0
                ? "not comparable: the empty one's cost is below this run's noise"
                : `${fixed(ratio, 2)}× the empty one's (≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? "met" : "missed"})`;
        return [
          page.name,
          label,
          fixed(median(turns(variant, page.path).map((turn) => turn.rps))),
          fixed(cpu(variant, page.path), 2),
          turns(variant, page.path)
            .map((turn) => fixed(turn.cpuMsPerRequest, 2))
            .join(" / "),
          variant === "none" ? "–" : fixed(cost, 2),
          bad,
          verdict,
        ];
      });
    });
    const table = markdownTable(
      ["page", "middleware", "req/s", "CPU ms per request", "per turn", "CPU ms over none", "errors", "cost"],
      rows,
    );
    console.log(`\n${table}`);
    writeSection(
      "middleware",
      `## Middleware cost

${describeRun(options, `${connections} connections, ${ROUNDS} turns`)}

${table}

How: three builds of the benchmark's copy of the app that differ only in \`middleware.ts\` (one whose matcher
no request meets; an Edge middleware that only calls \`NextResponse.next()\`, with the app's matcher; the app's own), served by
three \`next start\` at once and loaded in turns with \`autocannon\` (a 1 s warm-up, then the measured
run). The cost of a request is the CPU time (user + system, from /proc) the server's processes used
during the run divided by the requests answered: unlike req/s, it does not move with whatever else
the machine runs. A middleware's cost is its CPU ms per request less that with no middleware; the
ratio compares the app's with the empty Edge middleware's. Each figure is the median of the turns;
req/s is shown for reference.`,
    );
  } finally {
    for (const server of servers.values()) await server.stop();
    for (const database of databases) await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
