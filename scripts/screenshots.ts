import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { inArray, isNull } from "drizzle-orm";
import type { Browser } from "@playwright/test";
import { freshDatabase } from "@/scripts/lib/fresh-database";
import { startServer, type RunningServer } from "@/scripts/lib/app-server";
import { nextBin } from "@/scripts/lib/app-build";
import { recipes, users } from "@/infra/db/schema";
import { hashPassword } from "@/core/passwords/hash";
import { launchChromium } from "./lib/browser";

// `npm run screenshots`: the main pages at 1280 and 360 px into docs/screenshots/, from its own `next start` (built first if
// needed) on :5130 (SCREENSHOTS_PORT) with a fresh database and a demo cook. With `--base-url=…` it shoots that site; the
// signed-in pages then need SCREENSHOTS_EMAIL and SCREENSHOTS_PASSWORD of an active account.
const OUT_DIR = path.join(process.cwd(), "docs", "screenshots");
const WIDTHS = { desktop: 1280, phone: 360 } as const;
const DEMO = { email: "demo@pantry.test", password: "a long and unusual passphrase", name: "Demo Cook" };

type Shot = { name: string; path: string; signedIn?: boolean };

async function startOwnSite(): Promise<{
  server: RunningServer;
  recipeId: number;
  credentials: typeof DEMO;
  cleanup: () => Promise<void>;
}> {
  if (!existsSync(path.join(".next", "BUILD_ID")))
    execFileSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const database = await freshDatabase(undefined);
  const handle = await database.open();
  const [user] = await handle.db
    .insert(users)
    .values({
      email: DEMO.email,
      name: DEMO.name,
      passwordHash: await hashPassword(DEMO.password, 220_000),
      isActive: true,
      activatedAt: new Date(),
    })
    .returning({ id: users.id });
  const owned = (await handle.db.select({ id: recipes.id }).from(recipes).where(isNull(recipes.authorId)).limit(3)).map((row) => row.id);
  await handle.db.update(recipes).set({ authorId: user!.id }).where(inArray(recipes.id, owned));
  await handle.close();
  const server = await startServer(Number(process.env.SCREENSHOTS_PORT ?? 5130), database.env, process.cwd());
  return { server, recipeId: owned[0]!, credentials: DEMO, cleanup: async () => (await server.stop(), await database.drop()) };
}

async function firstRecipeId(baseUrl: string): Promise<number> {
  const id = (await (await fetch(baseUrl)).text()).match(/href="\/recipes\/(\d+)"/)?.[1];
  if (!id) throw new Error(`${baseUrl} lists no recipe`);
  return Number(id);
}

async function main() {
  const baseUrlFlag = process.argv.find((arg) => arg.startsWith("--base-url="))?.slice("--base-url=".length);
  const site = baseUrlFlag
    ? {
        server: { url: baseUrlFlag.replace(/\/+$/, "") },
        recipeId: await firstRecipeId(baseUrlFlag),
        credentials:
          process.env.SCREENSHOTS_EMAIL && process.env.SCREENSHOTS_PASSWORD
            ? { email: process.env.SCREENSHOTS_EMAIL, password: process.env.SCREENSHOTS_PASSWORD }
            : null,
        cleanup: async () => {},
      }
    : await startOwnSite();
  const shots: Shot[] = [
    { name: "home", path: "/" },
    { name: "search", path: "/?ingredients=tomato,garlic,onion" },
    { name: "recipe", path: `/recipes/${site.recipeId}` },
    { name: "register", path: "/register" },
    { name: "login", path: "/login" },
    { name: "dashboard", path: "/dashboard", signedIn: true },
    { name: "new-recipe", path: "/recipes/new", signedIn: true },
  ];
  mkdirSync(OUT_DIR, { recursive: true });
  // Launched inside the try: a browser that fails to start must not leave the server running.
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    let session: Awaited<ReturnType<Awaited<ReturnType<typeof browser.newContext>>["storageState"]>> | null = null;
    if (site.credentials) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${site.server.url}/login`);
      await page.locator("#login-email").fill(site.credentials.email);
      await page.locator("#login-password").fill(site.credentials.password);
      await Promise.all([page.waitForURL(`${site.server.url}/`), page.getByRole("button", { name: "Log in" }).click()]);
      // The "Welcome back" flash waits for the next full load: take it now, not on the first screenshot.
      await page.reload();
      session = await context.storageState();
      await context.close();
    }
    for (const [device, width] of Object.entries(WIDTHS)) {
      for (const shot of shots) {
        if (shot.signedIn && !session) {
          console.log(`skipped ${shot.name} (no SCREENSHOTS_EMAIL/SCREENSHOTS_PASSWORD for a signed-in page)`);
          continue;
        }
        const context = await browser.newContext({
          viewport: { width, height: 800 },
          ...(shot.signedIn && session ? { storageState: session } : {}),
        });
        const page = await context.newPage();
        await page.goto(site.server.url + shot.path, { waitUntil: "networkidle" });
        const file = path.join(OUT_DIR, `${shot.name}-${device}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`saved ${path.relative(process.cwd(), file)}`);
        await context.close();
      }
    }
  } finally {
    await browser?.close();
    await site.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
