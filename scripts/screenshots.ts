import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { eq, inArray, isNull } from "drizzle-orm";
import type { Browser } from "@playwright/test";
import sharp from "sharp";
import { freshDatabase } from "@/scripts/lib/fresh-database";
import { startServer, type RunningServer } from "@/scripts/lib/app-server";
import { nextBin } from "@/scripts/lib/app-build";
import { recipes, savedRecipes, users } from "@/infra/db/schema";
import { hashPassword } from "@/core/passwords/hash";
import { processPhoto } from "@/core/photos/process";
import { photoStore } from "@/core/photos/store";
import { launchChromium } from "./lib/browser";

// `npm run screenshots`: the main pages at 1280 and 360 px into docs/screenshots/, from its own `next start` (built first if
// needed) on :5130 (SCREENSHOTS_PORT) with a fresh database and a demo cook. With `--base-url=…` it shoots that site; the
// signed-in pages then need SCREENSHOTS_EMAIL and SCREENSHOTS_PASSWORD of an active account.
const OUT_DIR = path.join(process.cwd(), "docs", "screenshots");
const WIDTHS = { desktop: 1280, phone: 360 } as const;
const DEMO = { email: "demo@pantry.test", password: "a long and unusual passphrase", name: "Demo Cook" };

// No photo can be downloaded here: a drawn dish (a bowl on a wooden table) goes through the upload's own processing, so
// the shots show a photo beside the catalogue's placeholders.
const DRAWN_DISH = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
  <defs>
    <linearGradient id="wood" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#8a5a35"/><stop offset="1" stop-color="#5e3b22"/></linearGradient>
    <radialGradient id="bowl" cx="0.45" cy="0.4" r="0.6"><stop offset="0" stop-color="#fdfaf4"/><stop offset="1" stop-color="#d9d2c5"/></radialGradient>
    <radialGradient id="soup" cx="0.4" cy="0.35" r="0.7"><stop offset="0" stop-color="#f2a33a"/><stop offset="1" stop-color="#c4581d"/></radialGradient>
  </defs>
  <rect width="1600" height="1200" fill="url(#wood)"/>
  <g stroke="#4a2e1a" stroke-opacity="0.35" stroke-width="6">
    <line x1="0" y1="240" x2="1600" y2="270"/><line x1="0" y1="560" x2="1600" y2="520"/><line x1="0" y1="900" x2="1600" y2="940"/>
  </g>
  <rect x="120" y="760" width="420" height="300" rx="24" fill="#e9e2d0" transform="rotate(-8 330 910)"/>
  <ellipse cx="820" cy="640" rx="470" ry="430" fill="#000" fill-opacity="0.25"/>
  <circle cx="800" cy="600" r="450" fill="url(#bowl)"/>
  <circle cx="800" cy="600" r="340" fill="url(#soup)"/>
  <g fill="#3f7d32"><circle cx="700" cy="520" r="26"/><circle cx="900" cy="560" r="22"/><circle cx="780" cy="700" r="24"/><circle cx="880" cy="460" r="18"/><circle cx="660" cy="660" r="20"/></g>
  <path d="M600 620 q200 -120 400 0" stroke="#fff6e0" stroke-width="14" fill="none" stroke-opacity="0.8"/>
  <rect x="1300" y="180" width="60" height="820" rx="30" fill="#c9c2b4" transform="rotate(12 1330 590)"/>
</svg>`;

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
  const drawn = await processPhoto(await sharp(Buffer.from(DRAWN_DISH)).jpeg({ quality: 90 }).toBuffer());
  await photoStore.put(handle.db, drawn.objects);
  await handle.db.update(recipes).set({ photo: drawn.photo }).where(eq(recipes.id, owned[0]!));
  // Two of the catalogue's recipes on the demo cook's Saved list, and the photographed one.
  const others = await handle.db.select({ id: recipes.id }).from(recipes).where(isNull(recipes.authorId)).limit(2);
  await handle.db
    .insert(savedRecipes)
    .values([owned[0]!, ...others.map((row) => row.id)].map((recipeId) => ({ userId: user!.id, recipeId })));
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
    { name: "saved", path: "/saved", signedIn: true },
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
