import { log } from "@/infra/log";

// Whether the database is reachable, as the Edge middleware sees it (docs/decisions/0001-database-outage-503.md): it asks
// /api/health at APP_URL only (never an address from the request: SSRF), never blocks a request, fails open (only the
// health route's own 503 {"db":"down"} means down), and says "down" only after consecutive "down" answers.
export type DatabaseState = "up" | "down" | "unknown";

export const AVAILABILITY_DEFAULTS = {
  freshWhileUpMs: 5_000,
  /** Also while unknown, so a probe that failed once (often: a busy server) is asked again soon. */
  freshWhileDownMs: 2_000,
  /** Above the health route's own 1 s database timeout, so a hanging database reads "down". Nobody waits for a probe. */
  probeTimeoutMs: 3_000,
  /** Consecutive "down" answers before pages get the 503: one slow moment of a busy server is not an outage. */
  downAfterAnswers: 2,
};

/** Sent with each probe, so the health route's callers can be told apart in access logs. */
export const PROBE_USER_AGENT = "pantry-availability-probe";

type Options = {
  healthUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
} & Partial<typeof AVAILABILITY_DEFAULTS>;

export type Availability = {
  /** The last known state, at once; when stale, `refresh` is the background probe shared meanwhile: give it to `event.waitUntil`. */
  current(): { state: DatabaseState; refresh?: Promise<DatabaseState> };
};

type Outcome = { state: DatabaseState; reason: string };

export function createAvailability(options: Options): Availability {
  const settings = { ...AVAILABILITY_DEFAULTS, ...options };
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  let state: DatabaseState = "unknown";
  let checkedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<DatabaseState> | undefined;
  let downAnswers = 0;

  /** Never longer than the timeout, even if a fetch ignored its abort signal (the state would freeze). */
  async function probe(): Promise<Outcome> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ state: "unknown", reason: "timeout" });
      }, settings.probeTimeoutMs);
    });
    try {
      return await Promise.race([ask(controller.signal), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function ask(signal: AbortSignal): Promise<Outcome> {
    try {
      const response = await doFetch(settings.healthUrl, {
        signal,
        redirect: "manual",
        cache: "no-store",
        headers: { accept: "application/json", "user-agent": PROBE_USER_AGENT },
      });
      const reason = `status ${response.status}`;
      if (response.status === 200) {
        await response.body?.cancel();
        return { state: "up", reason };
      }
      if (response.status === 503) {
        const body = (await response.json().catch(() => null)) as { db?: unknown } | null;
        return body?.db === "down" ? { state: "down", reason } : { state: "unknown", reason: `${reason}, not the health route's` };
      }
      await response.body?.cancel();
      return { state: "unknown", reason };
    } catch (error) {
      return { state: "unknown", reason: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : "failed" };
    }
  }

  function refresh(): Promise<DatabaseState> {
    inFlight ??= probe()
      .then(({ state: answer, reason }) => {
        if (answer === "down") downAnswers++;
        else if (answer === "up") downAnswers = 0;
        const next = answer === "down" && downAnswers < settings.downAfterAnswers && state !== "down" ? state : answer;
        if (next !== state) log[next === "up" ? "info" : "warn"]("availability.changed", { from: state, to: next, reason });
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
      const freshFor = state === "up" && downAnswers === 0 ? settings.freshWhileUpMs : settings.freshWhileDownMs;
      const stale = now() - checkedAt >= freshFor;
      return { state, ...(stale ? { refresh: refresh() } : {}) };
    },
  };
}
