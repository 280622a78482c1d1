import type { Locator, Page } from "@playwright/test";
import sharp from "sharp";
import { expectNoSeriousViolations } from "../platform/axe";
import { expect, expectNoSideScrollOnPhone, registerAndActivate, test } from "../support/test";
import { E2E } from "../support/ports";

const main = (page: Page) => page.getByRole("main");

const PHOTO_ERROR = "This file is not a photo we can read: choose a JPEG, PNG, WebP or AVIF image.";
const TOO_BIG = "The photo is larger than 10 MB: choose a smaller file.";

/** A camera-like JPEG: EXIF with the place it was taken. */
async function cameraJpeg(colour: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1500, channels: 3, background: colour } })
    .jpeg()
    .withExif({ IFD0: { Make: "Phone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .toBuffer();
}

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 40, g: 110, b: 60, alpha: 1 } } })
    .png()
    .toBuffer();
}

/** Title, one ingredient and one step, with or without JavaScript (one textarea per list without it). */
async function fillRecipe(page: Page, title: string, javaScript: boolean) {
  await main(page).getByLabel("Title").fill(title);
  if (javaScript) {
    await page.getByRole("textbox", { name: "Ingredient 1" }).fill("4 quinces");
    await page.getByRole("textbox", { name: "Step 1" }).fill("Poach them.");
  } else {
    await main(page).getByLabel("Ingredients").fill("4 quinces");
    await main(page).getByLabel("Steps").fill("Poach them.");
  }
  await main(page).getByLabel("Servings").fill("4");
}

/** The image has loaded (not a broken icon) and reserved its box with width and height. */
async function expectLoaded(image: Locator, size: { width: string; height: string }) {
  await image.scrollIntoViewIfNeeded();
  await expect(image).toHaveAttribute("width", size.width);
  await expect(image).toHaveAttribute("height", size.height);
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

// axe runs its script in the page: only where the page runs scripts.
let axeOn = true;
const checkAxe = (page: Page) => (axeOn ? expectNoSeriousViolations(page) : Promise.resolve());

const src = (image: Locator) => image.evaluate((element) => (element as HTMLImageElement).currentSrc);

for (const { javaScript, width } of [
  { javaScript: true, width: 1280 },
  { javaScript: false, width: 360 },
  { javaScript: true, width: 360 },
  { javaScript: false, width: 1280 },
]) {
  test.describe(`recipe photos ${javaScript ? "with" : "without"} JavaScript at ${width} px`, () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width, height: width === 360 ? 740 : 900 } });
    test.beforeEach(() => {
      axeOn = javaScript;
    });

    test("upload a photo with a recipe, see it on the page and the cards, replace it, remove it", async ({ page }) => {
      test.setTimeout(120_000);
      await registerAndActivate(page, "Photo Cook");
      const title = `Poached quinces ${javaScript ? "js" : "plain"} ${width} ${Date.now()}`;
      await page.goto("/recipes/new");
      await fillRecipe(page, title, javaScript);
      const input = main(page).getByLabel("Photo (optional)");
      await expect(input).toHaveAttribute("accept", "image/jpeg,image/png,image/webp,image/avif");
      await input.setInputFiles({ name: "quinces.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg({ r: 200, g: 150, b: 40 }) });
      await checkAxe(page);
      await page.getByRole("button", { name: "Save recipe" }).click();
      await expect(page.getByTestId("flash")).toContainText(`“${title}” is saved.`);

      // The recipe page: the photo, named by the title, its box reserved.
      const photo = main(page).getByRole("img", { name: title });
      await expectLoaded(photo, { width: "1600", height: "1200" });
      await expect(photo).toHaveAttribute("srcset", /\/photos\/[\w-]{22}\/400\.webp 400w, .*800\.webp 800w, .*1600\.webp 1600w/);
      await expect(photo).toHaveAttribute("decoding", "async");
      const firstSrc = await src(photo);
      // What was stored has no metadata left: the camera's GPS position is gone.
      const stored = await page.request.get(firstSrc);
      expect((await sharp(await stored.body()).metadata()).exif).toBeUndefined();
      // Search engines and sharing cards get the largest size, at APP_URL's address.
      const photoId = /\/photos\/([\w-]{22})\//.exec(firstSrc)![1];
      const largest = `${E2E.appUrl}/photos/${photoId}/1600.webp`;
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { image?: string[] };
      expect(jsonLd.image).toEqual([largest]);
      expect(await page.locator('meta[property="og:image"]').getAttribute("content")).toBe(largest);
      expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
      await checkAxe(page);
      const recipePath = new URL(page.url()).pathname;
      if (width === 360) await expectNoSideScrollOnPhone(page);

      // The dashboard's card: lazy, decorative (the title is its link).
      await page.goto("/dashboard");
      const cardPhoto = page.getByTestId("dashboard-row").filter({ hasText: title }).getByTestId("recipe-photo");
      await expect(cardPhoto).toHaveAttribute("loading", "lazy");
      await expect(cardPhoto).toHaveAttribute("alt", "");
      await expectLoaded(cardPhoto, { width: "1600", height: "1200" });
      if (width === 360) await expectNoSideScrollOnPhone(page);

      // The search result's card.
      await page.goto(`/?ingredients=quince`);
      const resultPhoto = page.getByTestId("search-result").filter({ hasText: title }).getByTestId("recipe-photo");
      await expect(resultPhoto).toHaveAttribute("loading", "lazy");
      await expectLoaded(resultPhoto, { width: "1600", height: "1200" });

      // Replace: the edit form shows the current photo; a new one takes its place and the old address is gone.
      await page.goto(`${recipePath}/edit`);
      await expectLoaded(main(page).getByRole("img", { name: `The current photo of ${title}` }), { width: "1600", height: "1200" });
      await main(page)
        .getByLabel("Photo (optional)")
        .setInputFiles({ name: "green.png", mimeType: "image/png", buffer: await png(600, 450) });
      await checkAxe(page);
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByTestId("flash")).toContainText("is updated");
      const replaced = main(page).getByRole("img", { name: title });
      // 600 px wide: stored at 400 only, never enlarged.
      await expectLoaded(replaced, { width: "400", height: "300" });
      expect(await src(replaced)).not.toBe(firstSrc);
      expect((await page.request.get(firstSrc)).status()).toBe(404);

      // Remove: the placeholder takes the photo's place.
      await page.goto(`${recipePath}/edit`);
      await main(page).getByLabel("Remove the photo").check();
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByTestId("flash")).toContainText("is updated");
      await expect(main(page).getByTestId("recipe-photo")).toHaveCount(0);
      await expect(main(page).getByTestId("photo-placeholder")).toBeVisible();
      await expect(main(page).getByTestId("photo-placeholder")).toHaveAttribute("aria-hidden", "true");
    });

    test("a file that is not a photo gets a message next to the field, and nothing is saved", async ({ page }) => {
      await registerAndActivate(page, "Careless Photographer");
      const title = `Not a photo ${Date.now()}`;
      await page.goto("/recipes/new");
      await fillRecipe(page, title, javaScript);
      await main(page)
        .getByLabel("Photo (optional)")
        .setInputFiles({ name: "soup.jpg", mimeType: "image/jpeg", buffer: Buffer.from("This is a shopping list, not a JPEG.\n") });
      await page.getByRole("button", { name: "Save recipe" }).click();
      await expect(page.getByTestId("recipe-photo-error")).toHaveText(PHOTO_ERROR);
      const input = main(page).getByLabel("Photo (optional)");
      await expect(input).toHaveAttribute("aria-invalid", "true");
      await expect(input).toHaveAttribute("aria-describedby", /recipe-photo-error/);
      // The text typed is kept.
      await expect(main(page).getByLabel("Title")).toHaveValue(title);
      await checkAxe(page);
      await page.goto("/dashboard");
      await expect(page.getByText("You have not added a recipe yet.")).toBeVisible();
    });
  });
}

test.describe("photo limits", () => {
  test("without JavaScript, a file over 10 MB is refused next to the field and nothing is saved", async ({ browser }) => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await registerAndActivate(page, "Heavy Photographer");
    await page.goto("/recipes/new");
    await fillRecipe(page, "Heavy soup", false);
    await main(page)
      .getByLabel("Photo (optional)")
      .setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(10.5 * 1024 * 1024, 1) });
    await page.getByRole("button", { name: "Save recipe" }).click();
    await expect(page.getByTestId("recipe-photo-error")).toHaveText(TOO_BIG);
    await page.goto("/dashboard");
    await expect(page.getByText("You have not added a recipe yet.")).toBeVisible();
    await page.close();
  });

  test("with JavaScript, a file over 10 MB is refused as soon as it is chosen, before any upload", async ({ page }) => {
    await registerAndActivate(page, "Hasty Photographer");
    await page.goto("/recipes/new");
    const input = main(page).getByLabel("Photo (optional)");
    await input.setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(10.5 * 1024 * 1024, 1) });
    await expect(page.getByTestId("recipe-photo-error")).toHaveText(TOO_BIG);
    await expect.poll(() => input.evaluate((element) => (element as HTMLInputElement).files?.length ?? 0)).toBe(0);
  });
});

test.describe("photo ceilings", () => {
  test("a post to the recipe form over 11 MB is a 413 that says what to do, never a 5xx; 11 MB goes to that form only", async ({
    page,
  }) => {
    await registerAndActivate(page, "Ceiling Cook");
    const huge = { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(11.5 * 1024 * 1024, 1) };
    const tooLarge = await page.request.post("/recipes/new", {
      multipart: { title: "Huge", photo: huge },
      headers: { origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    expect(tooLarge.status()).toBe(413);
    expect(await tooLarge.text()).toContain("Choose a photo of at most 10 MB");
    // Elsewhere the ceiling stays 1 MB.
    const pantry = await page.request.post("/pantry", {
      multipart: { name: "x".repeat(2 * 1024 * 1024) },
      headers: { origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    expect(pantry.status()).toBe(413);
  });
});

test.describe("the photo route", () => {
  test("serves WebP with an ETag, immutable caching and nosniff; 304 on If-None-Match; 404 for unknown or malformed", async ({ page }) => {
    await registerAndActivate(page, "Header Cook");
    await page.goto("/recipes/new");
    await fillRecipe(page, `Header soup ${Date.now()}`, true);
    await main(page)
      .getByLabel("Photo (optional)")
      .setInputFiles({ name: "soup.png", mimeType: "image/png", buffer: await png(900, 700) });
    await page.getByRole("button", { name: "Save recipe" }).click();
    await expect(page.getByTestId("flash")).toContainText("is saved");
    const address = new URL(await src(main(page).getByTestId("recipe-photo")));
    expect(address.pathname).toMatch(/^\/photos\/[\w-]{22}\/800\.webp$/);

    const response = await page.request.get(address.pathname);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-type"]).toBe("image/webp");
    expect(headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["etag"]).toMatch(/^"[\w-]+"$/);
    expect((await sharp(await response.body()).metadata()).format).toBe("webp");

    const again = await page.request.get(address.pathname, { headers: { "if-none-match": headers["etag"]! } });
    expect(again.status()).toBe(304);
    expect(again.headers()["etag"]).toBe(headers["etag"]);
    expect((await page.request.get(address.pathname, { headers: { "if-none-match": '"other"' } })).status()).toBe(200);

    const id = address.pathname.split("/")[2]!;
    for (const path of [
      `/photos/${id}/1600.webp`,
      `/photos/${"A".repeat(22)}/800.webp`,
      `/photos/${id}/800.png`,
      `/photos/..%2F..%2Fetc/800.webp`,
    ]) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
  });
});

test.describe("recipes without a photo", () => {
  test("the catalogue's cards and pages show the placeholder, not a hole", async ({ page }) => {
    await page.goto("/");
    // Newest first: recipes other tests gave a photo may come before the catalogue's.
    const card = page
      .getByTestId("search-result")
      .filter({ has: page.getByTestId("photo-placeholder") })
      .first();
    await expect(card.getByTestId("photo-placeholder")).toBeVisible();
    await expect(card.getByTestId("photo-placeholder")).toHaveAttribute("aria-hidden", "true");
    const box = await card.getByTestId("photo-placeholder").boundingBox();
    expect(Math.abs(box!.width / box!.height - 4 / 3)).toBeLessThan(0.02);
    const title = (await card.getByRole("heading").innerText()).trim();
    await card.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(main(page).getByTestId("photo-placeholder")).toBeVisible();
    await expect(main(page).getByTestId("recipe-photo")).toHaveCount(0);
    await expectNoSeriousViolations(page);

    // The built-in catalogue (seeded first) has no photos at all.
    await page.goto("/recipes/1");
    await expect(page.getByText("by Pantry kitchen")).toBeVisible();
    await expect(main(page).getByTestId("photo-placeholder")).toBeVisible();
  });
});
