import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
/** Inside the repository (git-ignored) so that the copy resolves packages from the repository's node_modules. */
export const BUILD_DIR = path.join(ROOT, "bench", ".build", "app");

export const BARE_PATHS = { static: "/bench-bare/static", dynamic: "/bench-bare/dynamic" } as const;

/** What the app's build does not need; everything else the working tree has (committed or not) is copied. */
const SKIPPED = new Set([
  "e2e",
  "tests",
  "bench",
  "docs",
  ".ci",
  "package-lock.json",
  "playwright.config.ts",
  "playwright.parity.config.ts",
  "vitest.config.ts",
  "drizzle.config.ts",
  "eslint.config.mjs",
  "README.md",
]);
/** Stays at app/: route handlers need no layout; everything else moves into the (site) group. */
const APP_TOP_LEVEL_KEPT = new Set(["api", "icon.svg", "favicon.ico"]);

function workingTreeFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8" });
  return listed.split("\0").filter((file) => file && existsSync(path.join(ROOT, file)) && !SKIPPED.has(file.split("/")[0]!));
}

// The benchmark's copy of the app plus two bare pages never shipped. The root layout reads the session (every page dynamic),
// so the app's pages move into `(site)` and the bare pages get a root layout of their own in `(bench)`.
export function prepareBuildDir(): void {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  for (const file of workingTreeFiles()) {
    const target = path.join(BUILD_DIR, file);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(ROOT, file), target);
  }
  const app = path.join(BUILD_DIR, "app");
  const site = path.join(app, "(site)");
  mkdirSync(site);
  for (const entry of readdirSync(app)) {
    if (entry !== "(site)" && !APP_TOP_LEVEL_KEPT.has(entry)) renameSync(path.join(app, entry), path.join(site, entry));
  }
  // The pages import their routes' actions as `@/app/<route>/…`; in this copy those routes live under `(site)`.
  const tsconfigPath = path.join(BUILD_DIR, "tsconfig.json");
  const tsconfig = JSON.parse(readFileSync(tsconfigPath, "utf8")) as { compilerOptions: { paths: Record<string, string[]> } };
  tsconfig.compilerOptions.paths = { "@/app/*": ["./app/(site)/*"], ...tsconfig.compilerOptions.paths };
  writeFileSync(tsconfigPath, JSON.stringify(tsconfig, null, 2));
  const bare = path.join(app, "(bench)");
  const copy = (from: string, to: string) => {
    mkdirSync(path.dirname(path.join(bare, to)), { recursive: true });
    cpSync(path.join(ROOT, "bench", "bare", from), path.join(bare, to));
  };
  copy("layout.tsx", "layout.tsx");
  copy("static-page.tsx", `${BARE_PATHS.static}/page.tsx`);
  copy("dynamic-page.tsx", `${BARE_PATHS.dynamic}/page.tsx`);
}

export const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Copies the working tree and runs `next build` there, unless `reuse` and a build is already there. */
export function ensureBuild(reuse: boolean): void {
  if (reuse && existsSync(path.join(BUILD_DIR, ".next", "BUILD_ID"))) {
    console.log(`reusing the benchmark build in ${path.relative(ROOT, BUILD_DIR)}`);
    return;
  }
  console.log(`building the benchmark's copy of the app in ${path.relative(ROOT, BUILD_DIR)} …`);
  prepareBuildDir();
  execFileSync(process.execPath, [nextBin, "build"], {
    cwd: BUILD_DIR,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
}
