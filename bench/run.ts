import { execFileSync } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "../scripts/lib/app-build";
import { benchOptions } from "./lib/options";
import { RESULTS_FILE } from "./lib/results";

/**
 * `npm run bench`: builds the benchmark's copy of the app once, then runs each benchmark in a
 * process of its own (a clean heap and thread pool each), passing the same flags on. Each one
 * prints its table and writes its section of bench/results.md.
 */
const flags = process.argv.slice(2).filter((arg) => arg !== "--reuse-build");
// core/passwords/hash.ts is server-only: the scripts that hash run with the react-server condition.
const serverOnly = ["--conditions=react-server", "--import", "tsx"];

function run(label: string, file: string, nodeArgs: string[]) {
  console.log(`\n==> ${label}`);
  execFileSync(process.execPath, [...nodeArgs, file, ...flags, "--reuse-build"], { stdio: "inherit", env: process.env });
}

ensureBuild(benchOptions().reuseBuild);
run("pages under load", "bench/pages.ts", ["--import", "tsx"]);
run("middleware cost", "bench/middleware-cost.ts", ["--import", "tsx"]);
run("login cost", "bench/login.ts", serverOnly);
run("page weight", "bench/weight.ts", serverOnly);
run("under a flood of costly searches", "bench/flood.ts", serverOnly);
run("Lighthouse (mobile)", "scripts/lighthouse.ts", serverOnly);

// Its own figures file (bench/search-results.md): it loads up to 1,000,000 recipes, so it runs last.
console.log("\n==> search at scale");
execFileSync("npm", ["run", "bench:search", "--", ...flags], { stdio: "inherit", env: process.env });
console.log(`\nAll figures: ${path.relative(process.cwd(), RESULTS_FILE)}`);
