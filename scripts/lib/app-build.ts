import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const BUILDS = path.join(ROOT, "bench", ".build");
/** Inside the repository (git-ignored) so that the copy resolves packages from the repository's node_modules. */
export const BUILD_DIR = path.join(BUILDS, "app");

/**
 * Which middleware the copy runs: the app's own, none, or an empty Edge one (the framework's floor
 * for any middleware). The last two exist only to price the first.
 */
export type MiddlewareVariant = "app" | "none" | "empty";

export const buildDirOf = (variant: MiddlewareVariant) => (variant === "app" ? BUILD_DIR : path.join(BUILDS, `middleware-${variant}`));

/** A middleware that only passes requests on; the benchmark's floors differ only in which paths it runs for. */
const passThroughMiddleware = (matcher: string) => `import { NextResponse } from "next/server";

export default function middleware() {
  return NextResponse.next();
}

export const config = { matcher: [${JSON.stringify(matcher)}] };
`;
// "None" keeps a file whose matcher no request meets: with middleware.ts deleted, Turbopack builds the repository's
// own middleware.ts from the workspace root instead. The empty one has the app's matcher.
const NO_MIDDLEWARE = passThroughMiddleware("/bench-no-middleware-here");
const EMPTY_MIDDLEWARE = passThroughMiddleware("/((?!_next/static/|_next/image|icon\\.svg$|photos/|api/health$).*)");

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
export function prepareBuildDir(variant: MiddlewareVariant = "app"): void {
  const dir = buildDirOf(variant);
  rmSync(dir, { recursive: true, force: true });
  for (const file of workingTreeFiles()) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(ROOT, file), target);
  }
  if (variant !== "app") writeFileSync(path.join(dir, "middleware.ts"), variant === "empty" ? EMPTY_MIDDLEWARE : NO_MIDDLEWARE);
  const app = path.join(dir, "app");
  const site = path.join(app, "(site)");
  mkdirSync(site);
  for (const entry of readdirSync(app)) {
    if (entry !== "(site)" && !APP_TOP_LEVEL_KEPT.has(entry)) renameSync(path.join(app, entry), path.join(site, entry));
  }
  // The pages import their routes' actions as `@/app/<route>/…`; in this copy those routes live under `(site)`.
  const tsconfigPath = path.join(dir, "tsconfig.json");
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
export function ensureBuild(reuse: boolean, variant: MiddlewareVariant = "app"): void {
  const dir = buildDirOf(variant);
  if (reuse && existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    console.log(`reusing the benchmark build in ${path.relative(ROOT, dir)}`);
    return;
  }
  console.log(`building the benchmark's copy of the app in ${path.relative(ROOT, dir)} …`);
  prepareBuildDir(variant);
  execFileSync(process.execPath, [nextBin, "build"], {
    cwd: dir,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
}
