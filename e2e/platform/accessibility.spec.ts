import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { startDevServer } from "./dev-server";
import { E2E } from "../support/ports";
import { expect, expectNoSideScrollOnPhone, linkIn, registerAndActivate, test, uniqueEmail, waitForMail } from "../support/test";

/**
 * axe-core on every page of the site, in the states people see them: no serious or critical violations.
 * The main pages are also checked at a 360 px wide phone viewport: no sideways scrolling.
 */

test("the pages a visitor sees", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Newest recipes" })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto("/?ingredients=tomato,garlic,onion");
  await expect(page.getByTestId("search-result").first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await expectNoSideScrollOnPhone(page);

  // A recipe opened from the search: its lines marked "You have" and "Missing", the way back, the servings form.
  await page.getByTestId("search-result").first().getByRole("link").click();
  await expect(page.getByTestId("ingredient-mark").first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await expectNoSideScrollOnPhone(page);

  await page.goto("/?ingredients=unobtainium");
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole("link", { name: "Browse the newest recipes" }).click();
  await page.getByTestId("search-result").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Ingredients" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await expectNoSideScrollOnPhone(page);

  await page.goto("/login");
  await expectNoSeriousViolations(page);
  await expectNoSideScrollOnPhone(page);
});

test.describe(() => {
  test.use({ expectedConsoleErrors: [/^HTTP 404 GET \/recipes\/999999$/] });
  test("the page-not-found page", async ({ page }) => {
    await page.goto("/recipes/999999");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

test("registration, with its errors, the activation page and its result", async ({ page }) => {
  await page.goto("/register");
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByTestId("register-name-error")).toBeVisible();
  await expectNoSeriousViolations(page);
  await expectNoSideScrollOnPhone(page);

  const email = uniqueEmail("axe");
  await page.getByRole("main").getByLabel("Name").fill("Axe Reader");
  await page.getByRole("main").getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("main").getByLabel("Password", { exact: true }).fill("a long and unusual passphrase");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByTestId("flash")).toContainText("Check your inbox");
  await expectNoSeriousViolations(page);

  const link = linkIn(await waitForMail(email, "Confirm your account"), "/activate/");
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Confirm my account" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("main").getByLabel("Password").fill("a long and unusual passphrase");
  await page.getByRole("button", { name: "Confirm my account" }).click();
  await expect(page.getByTestId("flash")).toContainText("Welcome, Axe Reader!");
  await expectNoSeriousViolations(page);

  // The same link once used: the account is confirmed, and the page says so.
  await page.goto(link);
  await expect(page.getByTestId("activation-confirmed")).toBeVisible();
  await expectNoSeriousViolations(page);
  // A link that never worked: the page that offers a new one.
  await page.goto(`/activate/${"A".repeat(43)}`);
  await expect(page.getByTestId("activation-invalid")).toBeVisible();
  await expectNoSeriousViolations(page);
});

async function fillRecipe(page: Page, title: string) {
  const main = page.getByRole("main");
  await main.getByLabel("Title").fill(title);
  await main.getByLabel("Summary").fill("A dish for the accessibility check.");
  await page.getByRole("textbox", { name: "Ingredient 1" }).fill("2 leeks");
  await page.getByRole("textbox", { name: "Step 1" }).fill("Simmer.");
  await main.getByLabel("Servings").fill("2");
}

test("a signed-in cook's pages: new recipe with errors, recipe, edit, dashboard with rows", async ({ page }) => {
  await registerAndActivate(page, "Axe Cook");
  await page.goto("/recipes/new");
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByTestId("recipe-title-error")).toBeVisible();
  await expectNoSeriousViolations(page);
  await expectNoSideScrollOnPhone(page);

  const title = `Leek broth ${Date.now()}`;
  await fillRecipe(page, title);
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectNoSeriousViolations(page);
  await expectNoSideScrollOnPhone(page);

  // Saved: the pressed button, then the Saved page with its row.
  await page.getByTestId("save-recipe").click();
  await expect(page.getByTestId("save-recipe")).toHaveAttribute("aria-pressed", "true");
  await expectNoSeriousViolations(page);
  await page.goto("/saved");
  await expect(page.getByTestId("saved-row").filter({ hasText: title })).toBeVisible();
  await expectNoSeriousViolations(page);
  await expectNoSideScrollOnPhone(page);
  await page.getByTestId("saved-row").getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await expectNoSideScrollOnPhone(page);

  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-row").filter({ hasText: title })).toBeVisible();
  await expectNoSeriousViolations(page);
  // The table of rows is what can make a phone's page wider than the viewport.
  await expectNoSideScrollOnPhone(page);

  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSideScrollOnPhone(page);
  await page.goto("/dashboard");

  // The signed-in header's menu, opened.
  await page.getByTestId("user-menu").locator("summary").click();
  await expect(page.getByTestId("user-menu").getByRole("button", { name: "Log out" })).toBeVisible();
  await expectNoSeriousViolations(page);
  // Closed again, as a person would: the open menu lies over the first rows' links.
  await page.getByTestId("user-menu").locator("summary").click();

  await page
    .getByTestId("dashboard-row")
    .filter({ hasText: title })
    .getByRole("link", { name: `Delete ${title}` })
    .click();
  await expect(page.getByRole("button", { name: "Delete recipe" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

// The outbox exists only in development (a production build answers 404), so it is checked on a
// `next dev` server of the same code, with a mail in it.
test("the development outbox", async ({ page }) => {
  test.setTimeout(420_000);
  const dev = await startDevServer(E2E.devPort);
  try {
    await page.goto(`${dev.url}/register`, { timeout: 180_000 });
    const email = uniqueEmail("outbox");
    await page.getByRole("main").getByLabel("Name").fill("Outbox Reader");
    await page.getByRole("main").getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("main").getByLabel("Password", { exact: true }).fill("a long and unusual passphrase");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByTestId("flash")).toContainText("Check your inbox", { timeout: 180_000 });
    await page.goto(`${dev.url}/dev/outbox`, { timeout: 180_000 });
    await expect(page.getByTestId("outbox-to").first()).toHaveText(email);
    // Next's development overlay and indicator are not part of the site.
    await expectNoSeriousViolations(page, ["nextjs-portal"]);
  } finally {
    // Leave the page first: its development client would log the closed HMR socket as an error.
    await page.goto("about:blank");
    await dev.stop();
  }
});
