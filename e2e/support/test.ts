import { test as base, expect, type Page } from "@playwright/test";
import type { SentMail } from "./fake-resend";
import { E2E } from "./ports";

/**
 * The suite's `test`: any console error or uncaught exception in the page fails the test that
 * caused it, except those a test declares it expects.
 */
export const test = base.extend<{ expectedConsoleErrors: RegExp[] }>({
  expectedConsoleErrors: [[], { option: true }],
  page: async ({ page, expectedConsoleErrors }, use) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    // The console only says "Failed to load resource"; the response says which one.
    page.on("response", (response) => {
      if (response.status() >= 400)
        errors.push(`HTTP ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    await use(page);
    const unexpected = errors.filter((text) => !expectedConsoleErrors.some((pattern) => pattern.test(text)));
    expect(unexpected, "console errors in the page").toEqual([]);
  },
});

export { expect };

let sequence = 0;
export function uniqueEmail(prefix = "cook"): string {
  return `${prefix}-${Date.now()}-${++sequence}@example.com`;
}

/** The mails the fake Resend API received for `address`, newest last. */
export async function mailsTo(address: string): Promise<SentMail[]> {
  const response = await fetch(`${E2E.resendUrl}/__mails?to=${encodeURIComponent(address)}`);
  return (await response.json()) as SentMail[];
}

/** Waits for a mail to `address` whose subject matches, and returns the newest. */
export async function waitForMail(address: string, subject: string | RegExp): Promise<SentMail> {
  let found: SentMail | undefined;
  await expect
    .poll(async () => {
      found = (await mailsTo(address))
        .filter((mail) => (typeof subject === "string" ? mail.subject === subject : subject.test(mail.subject)))
        .at(-1);
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

export function linkIn(mail: SentMail, pathPart: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(pathPart));
  if (!link) throw new Error(`no ${pathPart} link in mail "${mail.subject}"`);
  return link;
}

export async function setResendMode(mode: "ok" | "error" | "hang"): Promise<void> {
  await fetch(`${E2E.resendUrl}/__mode?mode=${mode}`, { method: "POST" });
}

/** Registers through the form, as `name` with `password`, and waits for the site's answer. */
export async function registerThroughForm(page: Page, { name, email, password }: { name: string; email: string; password: string }) {
  await page.goto("/register");
  await page.getByRole("main").getByLabel("Name").fill(name);
  await page.getByRole("main").getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("main").getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByTestId("flash")).toContainText(`Check your inbox: we sent a mail to ${email} to confirm your address.`);
}

/** Registers through the form and confirms through the mailed link; returns the credentials. */
export async function registerAndActivate(page: Page, name = "Ada Lovelace") {
  const email = uniqueEmail();
  const password = "a long and unusual passphrase";
  await registerThroughForm(page, { name, email, password });
  const mail = await waitForMail(email, "Confirm your account");
  await page.goto(linkIn(mail, "/activate/"));
  await page.getByRole("main").getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Confirm my account" }).click();
  await expect(page.getByTestId("flash")).toContainText(`Welcome, ${name}!`);
  return { email, password, name };
}

/** Logs out through the user menu and waits until the site says so. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId("user-menu").locator("summary").click();
  await page.getByTestId("user-menu").getByRole("button", { name: "Log out" }).click();
  await expect(page.getByTestId("flash")).toContainText("logged out");
  await expect(page.getByTestId("user-menu")).toHaveCount(0);
}

/**
 * On a 360 × 740 phone the page must not scroll sideways (WCAG 1.4.10 Reflow): the document is no
 * wider than the viewport. The page's own viewport is put back afterwards.
 */
export async function expectNoSideScrollOnPhone(page: Page): Promise<void> {
  const previous = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  try {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `document width at 360 px on ${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBeLessThanOrEqual(360);
  } finally {
    if (previous) await page.setViewportSize(previous);
  }
}
