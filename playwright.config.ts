import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/chromium";
import { E2E } from "./e2e/support/ports";

export default defineConfig({
  testDir: "./e2e",
  // The production-parity suite has its own stack and configuration (playwright.parity.config.ts).
  testIgnore: "parity/**",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E.appUrl,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: "node --import tsx e2e/support/serve.ts",
    url: `${E2E.appUrl}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
