import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "../support/test";

/** WCAG 2.0–2.2 A and AA rules: what "no serious or critical violations" is measured against. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe on the page as it is now and fails with a readable list (rule, impact, elements) of
 * every serious or critical violation. `exclude` leaves out markup that is not the site's own
 * (the development server's overlay).
 */
export async function expectNoSeriousViolations(page: Page, exclude: string[] = []): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(serious, `serious or critical accessibility violations on ${new URL(page.url()).pathname}`).toEqual([]);
}
