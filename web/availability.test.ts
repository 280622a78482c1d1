import { beforeEach, describe, expect, it, vi } from "vitest";
import { createAvailability, PROBE_USER_AGENT } from "./availability";
import { retryHref, unavailablePage } from "./unavailable-page";

const HEALTH_URL = "https://pantry.example.com/api/health";

function answers(...responses: (() => Promise<Response>)[]) {
  const fetch = vi.fn<typeof globalThis.fetch>();
  for (const response of responses) fetch.mockImplementationOnce(response);
  return fetch;
}
const up = () => Promise.resolve(Response.json({ status: "ok", db: "ok" }));
const down = () => Promise.resolve(Response.json({ status: "unavailable", db: "down" }, { status: 503 }));

describe("database availability as the middleware sees it", () => {
  beforeEach(() => {
    // State changes are logged as JSON lines; not needed in the test output.
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    return () => vi.restoreAllMocks();
  });

  it("starts unknown, probes the configured URL in the background and remembers the answer", async () => {
    const fetch = answers(up);
    let clock = 0;
    const availability = createAvailability({ healthUrl: HEALTH_URL, fetch, now: () => clock });

    const first = availability.current();
    expect(first.state).toBe("unknown");
    expect(await first.refresh).toBe("up");
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe(HEALTH_URL);
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).get("user-agent")).toBe(PROBE_USER_AGENT);

    clock = 4_999;
    expect(availability.current()).toEqual({ state: "up" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("shares one probe among the requests that find the state stale meanwhile", async () => {
    let release!: () => void;
    const fetch = answers(() => new Promise<Response>((resolve) => (release = () => void up().then(resolve))));
    const availability = createAvailability({ healthUrl: HEALTH_URL, fetch, now: () => 0 });
    const a = availability.current().refresh;
    const b = availability.current().refresh;
    expect(a).toBeDefined();
    expect(b).toBe(a);
    release();
    expect(await a).toBe("up");
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("says down after two of the health route's own 503s in a row, re-checks sooner while down, and comes back", async () => {
    const fetch = answers(up, down, down, down, up);
    let clock = 0;
    const availability = createAvailability({ healthUrl: HEALTH_URL, fetch, now: () => clock });
    await availability.current().refresh;

    clock = 5_000; // stale while up: served as up, probed in the background
    const stale = availability.current();
    expect(stale.state).toBe("up");
    expect(await stale.refresh).toBe("up"); // one "down" is not yet an outage…
    clock = 6_999;
    expect(availability.current()).toEqual({ state: "up" });
    clock = 7_000; // …but it is asked again at the shorter interval
    expect(await availability.current().refresh).toBe("down");

    clock = 8_999; // fresh for 2 s while down
    expect(availability.current()).toEqual({ state: "down" });
    clock = 9_000;
    expect(await availability.current().refresh).toBe("down");
    clock = 11_000;
    const recovering = availability.current();
    expect(recovering.state).toBe("down");
    expect(await recovering.refresh).toBe("up");
    expect(availability.current()).toEqual({ state: "up" });
  });

  it("stays up through one slow answer between good ones (a busy server, not an outage)", async () => {
    const fetch = answers(up, down, up, down, up);
    let clock = 0;
    const availability = createAvailability({ healthUrl: HEALTH_URL, fetch, now: () => clock });
    const seen = [await availability.current().refresh];
    for (const at of [5_000, 7_000, 12_000, 14_000]) {
      clock = at;
      seen.push(await availability.current().refresh);
    }
    expect(seen).toEqual(["up", "up", "up", "up", "up"]);
  });

  it.each([
    ["a 503 that is not the health route's", () => Promise.resolve(new Response("Service Unavailable", { status: 503 }))],
    ["a 503 with other JSON", () => Promise.resolve(Response.json({ db: "ok" }, { status: 503 }))],
    ["a 500", () => Promise.resolve(new Response("oops", { status: 500 }))],
    ["a redirect", () => Promise.resolve(new Response(null, { status: 302, headers: { location: "https://elsewhere.example/" } }))],
    ["a connection error", () => Promise.reject(new TypeError("fetch failed"))],
  ])("fails open: %s is unknown, not down", async (_, answer) => {
    const fetch = answers(down, down, answer);
    let clock = 0;
    const availability = createAvailability({ healthUrl: HEALTH_URL, fetch, now: () => clock });
    await availability.current().refresh;
    clock = 2_000;
    expect(await availability.current().refresh).toBe("down");
    clock = 4_000;
    expect(await availability.current().refresh).toBe("unknown");
    expect(availability.current().state).toBe("unknown");
    clock = 6_000; // asked again as soon as while down
    expect(availability.current().refresh).toBeDefined();
  });

  it("gives up on a probe that hangs and calls that unknown, even if the fetch ignores its signal", async () => {
    const deaf = vi.fn<typeof globalThis.fetch>(() => new Promise<Response>(() => {}));
    const stuck = createAvailability({ healthUrl: HEALTH_URL, fetch: deaf, probeTimeoutMs: 20 });
    expect(await stuck.current().refresh).toBe("unknown");
    expect(deaf.mock.calls[0]![1]!.signal!.aborted).toBe(true);

    const fetch = vi.fn<typeof globalThis.fetch>(
      (_, init) =>
        new Promise<Response>((_, reject) =>
          init!.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
        ),
    );
    const availability = createAvailability({ healthUrl: HEALTH_URL, fetch, probeTimeoutMs: 20 });
    const started = Date.now();
    expect(await availability.current().refresh).toBe("unknown");
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("the 503 page", () => {
  it("links back to the page asked for, escaped, and never to another host", () => {
    expect(retryHref("/recipes/1", '?q=a&b="<x>"')).toBe('/recipes/1?q=a&b="<x>"');
    expect(retryHref("//evil.example/path", "")).toBe("/evil.example/path");
    const html = unavailablePage(retryHref("/", '?ingredients=a&b="<script>"'));
    expect(html).toContain('href="/?ingredients=a&#38;b=&#34;&#60;script&#62;&#34;"');
    expect(html).not.toContain("<script");
    expect(html).toContain("Something went wrong on our side");
  });
});
