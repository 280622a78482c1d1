import "server-only";
import { after } from "next/server";
import { log } from "@/infra/log";

/** Runs after the response is sent, so every address gets the same answer in the same time. */
export function inBackground(event: string, task: () => Promise<unknown>): void {
  after(async () => {
    try {
      await task();
    } catch (error) {
      log.error(event, { reason: error instanceof Error ? error.name : "error" });
    }
  });
}
