import { describe, expect, it } from "vitest";
import { clientFromHeaders } from "./client-ip";

const request = (headers: Record<string, string>) => new Headers(headers);

describe("the client address behind a proxy", () => {
  it.each([
    [
      "heroku: the router's own last entry, whatever the client wrote before it",
      "heroku",
      1,
      { "x-forwarded-for": "6.6.6.6, 203.0.113.7" },
      "203.0.113.7",
    ],
    ["forwarded, one proxy (nginx appends $remote_addr)", "forwarded", 1, { "x-forwarded-for": "6.6.6.6, 203.0.113.7" }, "203.0.113.7"],
    ["forwarded, two proxies (a CDN, then nginx)", "forwarded", 2, { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }, "203.0.113.7"],
    ["forwarded, fewer entries than proxies: not through them, unknown", "forwarded", 2, { "x-forwarded-for": "203.0.113.7" }, null],
    ["forwarded, no header", "forwarded", 1, {}, null],
    ["vercel: x-real-ip only", "vercel", 1, { "x-real-ip": "203.0.113.9", "x-forwarded-for": "6.6.6.6" }, "203.0.113.9"],
    ["none: never a header a client can write", "none", 1, { "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.7" }, null],
  ] as const)("%s", (_name, proxy, hops, headers, address) => {
    expect(clientFromHeaders(request(headers), { proxy, hops })).toEqual({ address });
  });
});
