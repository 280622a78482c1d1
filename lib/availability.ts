import { log } from "@/lib/log";

/**
 * Whether the database is reachable, as the Edge middleware sees it, so that pages can answer
 * 503 while it is down. Edge-safe (fetch and timers only).
 *
 * Why here and like this: an App Router page cannot choose its status once rendering has begun,
 * so a page that fails on the database answers 500; only the middleware, which runs before the
 * page, can answer 503. The middleware cannot reach the database itself (Edge: no TCP), so it
 * asks `/api/health` (Node) and remembers the answer:
 * - never blocking a request: each request is served on the last known state; a stale state is
 *   refreshed in the background (handed to the request's `waitUntil`), one probe at a time;
 * - failing open: only an explicit `503 {"db":"down"}` from our own health route means "down".
 *   A probe that cannot connect, times out or gets anything else says "unknown", and "unknown"
 *   lets requests through to the pages (at worst they show the 500 error page, as before);
 * - asking the configured `APP_URL` only, never an address taken from the request (SSRF).
 */
export type DatabaseState = "up" | "down" | "unknown";

export const AVAILABILITY_DEFAULTS = {
  /** How long an "up" (or "unknown") answer is trusted before the next probe. */
  freshWhileUpMs: 5_000,
  /** Shorter while down, so the site comes back soon after the database does. */
  freshWhileDownMs: 2_000,
  /** Longer than the health route's own 1 s database timeout, so a hanging database reads "down". */
  probeTimeoutMs: 1_500,
};

/** Sent with each probe, so the health route's callers can be told apart in access logs. */
export const PROBE_USER_AGENT = "pantry-availability-probe";

type Options = {
  healthUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
} & Partial<typeof AVAILABILITY_DEFAULTS>;

export type Availability = {
  /**
   * The last known state, at once. When that state is stale, `refresh` is the background probe
   * (shared by every request that asks meanwhile): give it to `event.waitUntil`.
   */
  current(): { state: DatabaseState; refresh?: Promise<DatabaseState> };
};

export function createAvailability(options: Options): Availability {
  const settings = { ...AVAILABILITY_DEFAULTS, ...options };
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  let state: DatabaseState = "unknown";
  let checkedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<DatabaseState> | undefined;

  async function probe(): Promise<DatabaseState> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), settings.probeTimeoutMs);
    try {
      const response = await doFetch(settings.healthUrl, {
        signal: controller.signal,
        redirect: "manual",
        cache: "no-store",
        headers: { accept: "application/json", "user-agent": PROBE_USER_AGENT },
      });
      if (response.status === 200) {
        await response.body?.cancel();
        return "up";
      }
      if (response.status === 503) {
        const body = (await response.json().catch(() => null)) as { db?: unknown } | null;
        return body?.db === "down" ? "down" : "unknown";
      }
      await response.body?.cancel();
      return "unknown";
    } catch {
      return "unknown";
    } finally {
      clearTimeout(timer);
    }
  }

  function refresh(): Promise<DatabaseState> {
    inFlight ??= probe()
      .then((next) => {
        if (next !== state) log[next === "down" ? "warn" : "info"]("availability.changed", { from: state, to: next });
        state = next;
        checkedAt = now();
        return next;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    current() {
      const freshFor = state === "down" ? settings.freshWhileDownMs : settings.freshWhileUpMs;
      const stale = now() - checkedAt >= freshFor;
      return { state, ...(stale ? { refresh: refresh() } : {}) };
    },
  };
}
