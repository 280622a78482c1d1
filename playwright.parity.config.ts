import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { PARITY } from "./e2e/support/ports";

// The production-parity suite: the browser reaches the site only by its public name, through the
// TLS proxy, as on a deployed site (e2e/parity/stack.ts). Debian's Chromium when the machine has it.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));

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
    launchOptions: {
      executablePath: systemChromium,
      args: [
        `--host-resolver-rules=MAP ${PARITY.publicName} 127.0.0.1`,
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
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
