import type { Page } from "@playwright/test";
import { expect, registerAndActivate, test } from "../support/test";

/**
 * The forms' checks in the browser (react-hook-form and the schema) are not part of the page's first load: the form
 * is the plain server-action form until the person first touches it, and then the checks load and take over.
 */

const main = (page: Page) => page.getByRole("main");
// A name of react-hook-form's options that survives minification: a script carrying it carries react-hook-form.
const REACT_HOOK_FORM = "shouldUnregister";

/** Holds back every script the page asks for from now on (the checks among them) until `release` is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test.describe("form checks that load on the first interaction", () => {
  test("the login page loads without react-hook-form; focusing a field brings it", async ({ page }) => {
    const scripts: Promise<string>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.text());
    });
    await page.goto("/login");
    const form = main(page).locator("form");
    await expect(form).toHaveAttribute("data-checks", "server");
    const firstLoad = await Promise.all(scripts);
    expect(firstLoad.length).toBeGreaterThan(0);
    expect(firstLoad.filter((text) => text.includes(REACT_HOOK_FORM))).toEqual([]);

    const checksArrive = page.waitForResponse(
      async (response) => response.request().resourceType() === "script" && (await response.text()).includes(REACT_HOOK_FORM),
    );
    await main(page).getByLabel("Email").focus();
    await checksArrive;
    await expect(form).toHaveAttribute("data-checks", "client");
  });

  test("once the checks run, leaving an invalid field shows its error without sending the form", async ({ page }) => {
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.goto("/register");
    const email = main(page).getByLabel("Email", { exact: true });
    await email.fill("not-an-email");
    await expect(main(page).locator("form")).toHaveAttribute("data-checks", "client");
    await email.press("Tab");
    await expect(page.getByTestId("register-email-error")).toContainText("valid email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(main(page).getByLabel("Password", { exact: true })).toBeFocused();
    expect(posts).toEqual([]);
  });

  test("typed before the checks load, the form posts to the server; the checks then take over the values and the focus", async ({
    page,
  }) => {
    await page.goto("/register");
    const form = main(page).locator("form");
    const name = main(page).getByLabel("Name");
    const email = main(page).getByLabel("Email", { exact: true });
    const password = main(page).getByLabel("Password", { exact: true });
    const release = await holdScripts(page);

    await name.fill("Early Typist");
    await email.fill("nobody@");
    await password.fill("short");
    await page.getByRole("button", { name: "Register" }).click();
    // The server checked the post with the same schema and answers next to the fields.
    await expect(page.getByTestId("register-email-error")).toContainText("valid email");
    await expect(page.getByTestId("register-password-error")).toHaveText("Use at least 8 characters.");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAttribute("aria-describedby", "register-email-error");
    await expect(form).toHaveAttribute("data-checks", "server");
    await expect(page).toHaveURL(/\/register$/);

    await email.fill("early@example.com");
    release();
    await expect(form).toHaveAttribute("data-checks", "client");
    await expect(email).toBeFocused();
    await expect(name).toHaveValue("Early Typist");
    await expect(email).toHaveValue("early@example.com");
    // The server's message stays until the field is checked again, on leaving it.
    await expect(page.getByTestId("register-email-error")).toContainText("valid email");
    await email.press("Tab");
    await expect(page.getByTestId("register-email-error")).toHaveText("");
    await expect(page.getByTestId("register-password-error")).toHaveText("Use at least 8 characters.");
  });

  test("a field left while the checks are still loading shows its message once they arrive, without a post", async ({ page }) => {
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.goto("/register");
    const form = main(page).locator("form");
    const email = main(page).getByLabel("Email", { exact: true });
    const release = await holdScripts(page);

    await email.fill("not-an-email");
    await email.press("Tab");
    await expect(form).toHaveAttribute("data-checks", "server");
    await expect(page.getByTestId("register-email-error")).toHaveText("");

    release();
    await expect(form).toHaveAttribute("data-checks", "client");
    await expect(page.getByTestId("register-email-error")).toContainText("valid email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    // Left once already: the message goes as soon as the address is right, as for any field the checks have seen left.
    await email.fill("early@example.com");
    await expect(page.getByTestId("register-email-error")).toHaveText("");
    expect(posts).toEqual([]);
  });

  test("the recipe form's lines work before the checks load, and a post keeps them", async ({ page }) => {
    await registerAndActivate(page, "Early Cook");
    await page.goto("/recipes/new");
    const form = main(page).locator("form");
    const release = await holdScripts(page);

    const ingredient = (n: number) => page.getByRole("textbox", { name: `Ingredient ${n}`, exact: true });
    await ingredient(1).fill("2 eggs");
    await ingredient(1).press("Enter");
    await expect(ingredient(2)).toBeFocused();
    await page.keyboard.type("100 g flour");
    await page.getByRole("textbox", { name: "Step 1", exact: true }).fill("Whisk and fry.");
    await page.getByRole("button", { name: "Save recipe" }).click();
    await expect(page.getByTestId("recipe-title-error")).toHaveText("Give the recipe a title.");
    await expect(form).toHaveAttribute("data-checks", "server");
    await expect(ingredient(1)).toHaveValue("2 eggs");
    await expect(ingredient(2)).toHaveValue("100 g flour");

    release();
    await expect(form).toHaveAttribute("data-checks", "client");
    await main(page).getByLabel("Title").fill("Pancakes");
    await main(page).getByLabel("Title").press("Tab");
    await expect(page.getByTestId("recipe-title-error")).toHaveText("");
    await ingredient(2).fill("");
    await ingredient(1).fill("");
    await ingredient(1).press("Tab");
    await expect(page.getByTestId("recipe-ingredients-error")).toHaveText("Add at least 1 ingredient.");
  });
});
