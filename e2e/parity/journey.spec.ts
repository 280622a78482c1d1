import type { Page } from "@playwright/test";
import { PARITY } from "../support/ports";
import { expect, linkIn, logout, registerThroughForm, test, uniqueEmail, waitForMail } from "../support/test";

/**
 * A person's whole journey on the deployed site: every page, redirect and mailed link stays on the
 * public address, through the TLS proxy, two instances and the pooler.
 */
const main = (page: Page) => page.getByRole("main");
const publicUrl = PARITY.publicUrl;

/** Every request the page makes and every Location it is given, when they leave the public address. */
function offSiteTraffic(page: Page): string[] {
  const seen: string[] = [];
  const onSite = (url: string) => url.startsWith(`${publicUrl}/`) || url.startsWith("data:") || url.startsWith("blob:");
  page.on("request", (request) => {
    if (!onSite(request.url())) seen.push(`request ${request.url()}`);
  });
  page.on("response", (response) => {
    const location = response.headers().location;
    if (location !== undefined && !location.startsWith("/") && !onSite(location)) seen.push(`Location ${location} from ${response.url()}`);
  });
  return seen;
}

async function addRecipe(page: Page, title: string, javaScript: boolean) {
  await page.goto("/recipes/new");
  await main(page).getByLabel("Title").fill(title);
  if (javaScript) {
    await page.getByRole("textbox", { name: "Ingredient 1" }).fill("2 handfuls of parity roots");
    await page.getByRole("button", { name: "Add ingredient" }).click();
    await page.getByRole("textbox", { name: "Ingredient 2" }).fill("1 onion");
    await page.getByRole("textbox", { name: "Step 1" }).fill("Roast the roots with the onion.");
  } else {
    await main(page).getByLabel("Ingredients").fill("2 handfuls of parity roots\n1 onion");
    await main(page).getByLabel("Steps").fill("Roast the roots with the onion.");
  }
  await main(page).getByLabel("Servings").fill("2");
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByTestId("flash")).toContainText(`“${title}” is saved.`);
  expect(page.url()).toMatch(new RegExp(`^${publicUrl}/recipes/\\d+$`));
}

async function logInFromTheNav(page: Page, email: string, password: string, name: string) {
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByPlaceholder("Email").fill(email);
  await nav.getByPlaceholder("Password").fill(password);
  await nav.getByRole("button", { name: /^Log ?in$/ }).click();
  await expect(page.getByTestId("user-menu")).toContainText(`Hi, ${name}`);
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("register, confirm, add, search, log out, log in, forget, reset, log in: all on the public address", async ({ page }) => {
      const offSite = offSiteTraffic(page);
      const name = javaScript ? "Proxy Cook" : "Plain Proxy Cook";
      const email = uniqueEmail("parity");
      const password = "a long and unusual passphrase";

      await registerThroughForm(page, { name, email, password });
      const activation = linkIn(await waitForMail(email, "Confirm your account"), "/activate/");
      expect(activation.startsWith(`${publicUrl}/activate/`), activation).toBe(true);
      await page.goto(activation);
      await main(page).getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Confirm my account" }).click();
      await expect(page.getByTestId("flash")).toContainText(`Welcome, ${name}!`);

      const title = `Parity roast ${Date.now()}`;
      await addRecipe(page, title, javaScript);

      await page.goto("/");
      await page.getByLabel("Ingredients you have").fill("parity roots");
      await page.getByRole("button", { name: "Find recipes" }).click();
      await expect(page.getByTestId("search-result").filter({ hasText: title })).toBeVisible();

      await logout(page);
      await logInFromTheNav(page, email, password, name);
      await logout(page);

      await page.goto("/login");
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
      await main(page).getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Send me a reset link" }).click();
      await expect(page.getByTestId("forgot-message")).toContainText("If an account uses");
      const reset = linkIn(await waitForMail(email, "Reset your Pantry password"), "/reset-password/");
      expect(reset.startsWith(`${publicUrl}/reset-password/`), reset).toBe(true);

      await page.goto(reset);
      await expect(page).toHaveURL(`${publicUrl}/reset-password`);
      const newPassword = "a completely new kitchen phrase";
      await main(page).getByLabel("New password").fill(newPassword);
      await page.getByRole("button", { name: "Set new password" }).click();
      await expect(page.getByTestId("flash")).toContainText("Password changed — log in");
      await expect(page).toHaveURL(`${publicUrl}/login`);

      await main(page).getByLabel("Email").fill(email);
      await main(page).getByLabel("Password").fill(newPassword);
      await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
      await expect(page.getByTestId("user-menu")).toContainText(`Hi, ${name}`);
      expect(page.url().startsWith(`${publicUrl}/`)).toBe(true);
      expect(offSite).toEqual([]);
    });
  });
}
