import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inRequestScope, noteRequestError } from "./request-scope";

const refused = () =>
  new Error("Failed query: select 1", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) });

/** Each path fails (or not) the way Next does: an error noted, later a status written. */
const handlers: Record<string, (response: http.ServerResponse) => void> = {
  "/implicit": (response) => {
    noteRequestError(refused());
    response.statusCode = 500;
    response.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
    response.end("error page");
  },
  "/explicit": (response) => {
    noteRequestError(refused());
    response.writeHead(500, "Internal Server Error", { "Cache-Control": "private", "content-type": "text/plain" }).end("error page");
  },
  // The note comes after an await, as from an async render.
  "/later": (response) => {
    void Promise.resolve().then(() => {
      noteRequestError(refused());
      setTimeout(() => response.writeHead(500).end(), 5);
    });
  },
  "/app-fault": (response) => {
    noteRequestError(new TypeError("x is undefined"));
    response.writeHead(500).end();
  },
  "/not-a-500": (response) => {
    noteRequestError(refused());
    response.writeHead(404).end();
  },
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => inRequestScope(response, () => handlers[request.url!]!(response)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return {
    status: response.status,
    statusText: response.statusText,
    retryAfter: response.headers.get("retry-after"),
    cacheControl: response.headers.get("cache-control"),
    body: await response.text(),
  };
};

describe("inRequestScope", () => {
  it("answers 503 'try again' instead of 500 once the database was unreachable, however the status is written", async () => {
    expect(await get("/implicit")).toEqual({
      status: 503,
      statusText: "Service Unavailable",
      retryAfter: "5",
      cacheControl: "no-store",
      body: "error page",
    });
    expect(await get("/explicit")).toMatchObject({
      status: 503,
      statusText: "Service Unavailable",
      retryAfter: "5",
      cacheControl: "no-store",
    });
    expect(await get("/later")).toMatchObject({ status: 503, retryAfter: "5" });
  });

  it("leaves other errors and other statuses alone, and keeps each request's note to itself", async () => {
    expect(await get("/app-fault")).toMatchObject({ status: 500, retryAfter: null });
    expect(await get("/not-a-500")).toMatchObject({ status: 404, retryAfter: null });
    const [fault, later] = await Promise.all([get("/app-fault"), get("/later")]);
    expect([fault.status, later.status]).toEqual([500, 503]);
  });

  it("ignores a note made outside any request", () => {
    expect(() => noteRequestError(refused())).not.toThrow();
  });
});
