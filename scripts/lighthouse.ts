import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse, { type Flags, type Result } from "lighthouse";
import type { Browser } from "@playwright/test";
import { launchChromium } from "@/scripts/lib/browser";
import { freshDatabase } from "@/scripts/lib/fresh-database";
import { startServer } from "@/scripts/lib/app-server";
import { ensureBuild } from "@/scripts/lib/app-build";

// `npm run lighthouse`: Lighthouse's default (mobile) profile on the home, search and recipe pages of the benchmarks'
// production build of the working tree (bench/.build/app; `--reuse-build` keeps an earlier one, as `npm run bench`
// does) served by its own `next start` on :5140 (LIGHTHOUSE_PORT) with a fresh embedded
// database and the catalogue. Each page runs LIGHTHOUSE_RUNS times (3); the median run's scores are reported, in
// bench/lighthouse-results.md too. Exits 1 when accessibility, best practices or SEO is below 100 on any page, and
// lists the audits that cost the points.
const OUT = path.join("bench", "lighthouse-results.md");
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const MUST_BE_FULL = ["accessibility", "best-practices", "seo"] as const;
const DEBUGGING_PORT = Number(process.env.LIGHTHOUSE_DEBUGGING_PORT ?? 9333);

type PageRun = { name: string; path: string; scores: Record<(typeof CATEGORIES)[number], number>; lost: string[] };

async function main() {
  ensureBuild(process.argv.includes("--reuse-build") || process.env.BENCH_REUSE_BUILD === "true");
  const database = await freshDatabase(undefined);
  const server = await startServer(Number(process.env.LIGHTHOUSE_PORT ?? 5140), database.env);
  let browser: Browser | undefined;
  const results: PageRun[] = [];
  try {
    const recipeId = (await (await fetch(`${server.url}/?ingredients=chicken,rice`)).text()).match(/href="\/recipes\/(\d+)/)?.[1];
    if (!recipeId) throw new Error("the search for chicken and rice lists no recipe");
    const pages = [
      { name: "home", path: "/" },
      { name: "search", path: "/?ingredients=chicken,rice,garlic" },
      { name: "recipe", path: `/recipes/${recipeId}` },
    ];
    // Lighthouse drives a browser it did not start through the DevTools port; Playwright's launch finds Debian's Chromium.
    browser = await launchChromium([`--remote-debugging-port=${DEBUGGING_PORT}`]);
    for (const page of pages) {
      // The first render of a route in a new server warms its caches; that is not what a visitor meets.
      await fetch(server.url + page.path);
      const runs: PageRun[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await audit(page.name, server.url + page.path, page.path));
      runs.sort((a, b) => a.scores.performance - b.scores.performance);
      const median = runs[Math.floor(runs.length / 2)]!;
      results.push(median);
      console.log(
        `${page.name.padEnd(7)} ${CATEGORIES.map((c) => `${c} ${median.scores[c]}`).join(" · ")}  (performance per run: ${runs.map((r) => r.scores.performance).join(", ")})`,
      );
    }
  } finally {
    await browser?.close();
    await server.stop();
    await database.drop();
  }
  writeFileSync(OUT, report(results));
  console.log(`\nWritten to ${OUT}`);
  const short = results.flatMap((r) => MUST_BE_FULL.filter((c) => r.scores[c] < 100).map((c) => `${r.name}: ${c} ${r.scores[c]}`));
  if (short.length > 0) {
    console.error(`\nBelow 100: ${short.join("; ")}`);
    process.exit(1);
  }
}

async function audit(name: string, url: string, pagePath: string): Promise<PageRun> {
  const flags: Flags = { port: DEBUGGING_PORT, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] };
  const result = await lighthouse(url, flags);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr: Result = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as PageRun["scores"];
  const lost = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id]!)
      .filter((a) => a.score !== null && a.score < 1)
      .map((a) => `${c}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`),
  );
  return { name, path: pagePath, scores, lost };
}

function report(results: PageRun[]): string {
  const head = `| Page | ${CATEGORIES.join(" | ")} |\n| --- | ${CATEGORIES.map(() => "---:").join(" | ")} |`;
  const rows = results.map((r) => `| ${r.name} (\`${r.path}\`) | ${CATEGORIES.map((c) => r.scores[c]).join(" | ")} |`);
  const lost = results.flatMap((r) => r.lost.map((line) => `- ${r.name}: ${line}`));
  return [
    "# Lighthouse",
    "",
    `\`npm run lighthouse\`: Lighthouse ${lighthouseVersion()} (default mobile profile, simulated throttling) against Debian's Chromium, on a production build with the embedded database and the catalogue; the median of ${RUNS} run(s) per page by performance.`,
    "",
    head,
    ...rows,
    "",
    "Audits that cost points (weighted audits scoring below 1 in the median run):",
    "",
    ...(lost.length > 0 ? lost : ["- none"]),
    "",
    `Commit measured: ${commit()}. Run ended ${new Date().toISOString()} on ${os.cpus().length} cores; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} at the end.`,
    "",
  ].join("\n");
}

function lighthouseVersion(): string {
  try {
    return (JSON.parse(execSync("npm ls lighthouse --json", { encoding: "utf8" })) as { dependencies: { lighthouse: { version: string } } })
      .dependencies.lighthouse.version;
  } catch {
    return "(version unknown)";
  }
}

function commit(): string {
  try {
    const head = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    const dirty = execSync("git status --porcelain -- app components web auth core infra", { encoding: "utf8" }).trim();
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
