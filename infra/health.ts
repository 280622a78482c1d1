import { database, type DatabaseHandle } from "./db";
import { errorFields, log } from "./log";

export type Health = { status: "ok"; db: "ok" } | { status: "unavailable"; db: "down" };

/** A load balancer or uptime monitor waits about this long for the database before calling it down. */
export const HEALTH_TIMEOUT_MS = 1_000;

class HealthTimeout extends Error {
  override name = "HealthTimeout";
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
  }
}

/** `select 1` within `timeoutMs`, else "down" (logged); never throws. A query that lost the race runs on in the driver, which times it out. */
export async function checkHealth(open: () => Promise<DatabaseHandle> = database, timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const probe = (async () => {
    const handle = await open();
    await handle.ping();
  })();
  probe.catch(() => {}); // when the timer wins, a later rejection must not become unhandled
  try {
    await Promise.race([
      probe,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HealthTimeout(timeoutMs)), timeoutMs);
      }),
    ]);
    return { status: "ok", db: "ok" };
  } catch (error) {
    log.warn("health.db_down", errorFields(error));
    return { status: "unavailable", db: "down" };
  } finally {
    clearTimeout(timer);
  }
}
