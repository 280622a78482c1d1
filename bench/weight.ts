import { gzipSync } from "node:zlib";
import type { Browser, Page, Response } from "@playwright/test";
import { recipes, users } from "@/infra/db/schema";
import { hashPassword } from "@/core/passwords/hash";
import { launchChromium } from "@/scripts/lib/browser";
import { BARE_PATHS, ensureBuild } from "../scripts/lib/app-build";
import { freshDatabase } from "../scripts/lib/fresh-database";
import { benchOptions, describeRun } from "./lib/options";
import { writeSection } from "./lib/results";
import { startServer } from "../scripts/lib/app-server";
import { markdownTable } from "./lib/table";

/**
 * Page weight: the JavaScript a first visit downloads, gzip-compressed, per page, against the bare
 * dynamic page of the same build. Measured in Chromium: Next 16's build output lists no sizes,
 * and the browser is what actually loads them.
 */
const EMAIL = "weight@pantry.test";
const PASSWORD = "a long and unusual passphrase";
const BUDGET_BYTES = 15 * 1024;
const REFERENCE = "bare dynamic page";

type Weight = { scripts: number; raw: number; gzip: number };

/** Every script of our origin the page requested before its load event, gzip-compressed as Next serves it (level 6). */
async function firstLoadJs(page: Page, url: string): Promise<Weight> {
  const bodies: Promise<Buffer>[] = [];
  let loaded = false;
  const origin = new URL(url).origin;
  const onResponse = (response: Response) => {
    if (!loaded && response.request().resourceType() === "script" && response.url().startsWith(origin)) bodies.push(response.body());
  };
  page.on("response", onResponse);
  await page.goto(url, { waitUntil: "load" });
  loaded = true;
  page.off("response", onResponse);
  const files = await Promise.all(bodies);
  return {
    scripts: files.length,
    raw: files.reduce((sum, file) => sum + file.length, 0),
    gzip: files.reduce((sum, file) => sum + gzipSync(file, { level: 6 }).length, 0),
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main() {
  const options = benchOptions();
  ensureBuild(options.reuseBuild);
  const database = await freshDatabase(options.databaseUrl);
  const handle = await database.open();
  await handle.db
    .insert(users)
    .values({ email: EMAIL, name: "Weight", passwordHash: await hashPassword(PASSWORD, options.passwordIterations), isActive: true });
  const [recipe] = await handle.db.select({ id: recipes.id }).from(recipes).limit(1);
  await handle.close();

  const server = await startServer(options.port, { ...database.env, PASSWORD_ITERATIONS: String(options.passwordIterations) });
  // Launched inside the try: a browser that fails to start must not leave `next start` running.
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const pages: [string, string, boolean][] = [
      ["bare static page", BARE_PATHS.static, false],
      ["bare dynamic page", BARE_PATHS.dynamic, false],
      ["home", "/", false],
      ["home with a search", "/?ingredients=tomato,garlic,onion", false],
      ["register", "/register", false],
      ["login", "/login", false],
      ["recipe page", `/recipes/${recipe!.id}`, false],
      ["dashboard (signed in)", "/dashboard", true],
      ["new recipe (signed in)", "/recipes/new", true],
    ];
    const signIn = await browser.newContext();
    const loginPage = await signIn.newPage();
    await loginPage.goto(`${server.url}/login`);
    await loginPage.locator("#login-email").fill(EMAIL);
    await loginPage.locator("#login-password").fill(PASSWORD);
    await Promise.all([loginPage.waitForURL(`${server.url}/`), loginPage.getByRole("button", { name: "Log in" }).click()]);
    const session = await signIn.storageState();
    await signIn.close();

    const weights: [string, string, Weight][] = [];
    for (const [name, path, signedIn] of pages) {
      // A new context per page: an empty cache, so every script of the first visit is downloaded.
      const context = await browser.newContext(signedIn ? { storageState: session } : {});
      weights.push([name, path, await firstLoadJs(await context.newPage(), server.url + path)]);
      await context.close();
    }
    // The reference is the bare *dynamic* page: the site's Content-Security-Policy gives every
    // response a fresh script nonce, which HTML prerendered at build time cannot carry, so the
    // browser runs none of the bare static page's scripts (0 kB, not a framework baseline). Every
    // page of the app is rendered per request, like the bare dynamic one.
    const bare = weights.find(([name]) => name === REFERENCE)![2].gzip;
    const rows = weights.map(([name, path, weight]) => {
      const over = weight.gzip - bare;
      const verdict =
        name === REFERENCE
          ? "reference"
          : name.startsWith("bare static")
            ? "scripts blocked by the CSP nonce"
            : `${over >= 0 ? "+" : ""}${kB(over)} ${over <= BUDGET_BYTES ? "(≤ 15 kB: met)" : "(≤ 15 kB: missed)"}`;
      return [name, path, weight.scripts, kB(weight.raw), kB(weight.gzip), verdict];
    });
    const table = markdownTable(["page", "path", "scripts", "JS raw", "JS gzip", "vs. bare dynamic page"], rows);
    console.log(`\n${table}`);
    writeSection(
      "weight",
      `## Page weight (first-load JavaScript)

${describeRun({ ...options, duration: 0 }).replace(" · 0 s per configuration", "")} (sizes do not depend on load)

${table}

How: each page is opened once in Chromium (a fresh tab; signed-in pages with the session cookie of a
user created in the database) against \`next start\` of the benchmark's build. Every script of the
site's own origin requested before the page's \`load\` event is summed, uncompressed and gzip-compressed
at level 6 (what Next's \`compress\` serves). Link prefetches after \`load\` are not counted. Next 16's
build output no longer lists sizes, so this counts what a browser actually loads on a first visit.
The budget is measured from the bare dynamic page: the bare static page's prerendered HTML has no
nonce for the site's Content-Security-Policy, so its scripts are blocked and it loads none. Chunks a
page fetches later on demand (the form checks, on the first interaction with a form) are not first-load.`,
    );
  } finally {
    await browser?.close();
    await server.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
