import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

/** Debian's Chromium when the machine has it (Playwright cannot download its own here), else Playwright's. */
export function launchChromium(): Promise<Browser> {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
  return chromium.launch({
    executablePath,
    args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}
