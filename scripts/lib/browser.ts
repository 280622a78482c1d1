import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "@/e2e/support/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}
