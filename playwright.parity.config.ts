import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/chromium";
import { PARITY } from "./e2e/support/ports";

// The production-parity suite: the browser reaches the site only by its public name, through the
// TLS proxy, as on a deployed site (e2e/parity/stack.ts).

export default defineConfig({
  testDir: "./e2e/parity",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report/parity" }]],
  outputDir: "test-results/parity",
  use: {
    baseURL: PARITY.publicUrl,
    ignoreHTTPSErrors: true,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: chromiumLaunchOptions([`--host-resolver-rules=MAP ${PARITY.publicName} 127.0.0.1`]),
  },
  webServer: {
    command: "node --import tsx e2e/parity/serve.ts",
    wait: { stdout: /\[parity\] ready:/ },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
  },
});
