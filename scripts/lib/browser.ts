import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(extraArgs));
}
