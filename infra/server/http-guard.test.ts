import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installHttpGuard } from "./http-guard";

let server: http.Server;
let port: number;

beforeAll(async () => {
  // Created before the guard is installed, as Next's server is before instrumentation runs.
  server = http.createServer((_request, response) => response.end("from the app"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  installHttpGuard();
  installHttpGuard();
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string): Promise<{ status: number; allow?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path: "/login" }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode!, allow: response.headers.allow, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("installHttpGuard", () => {
  it("answers TRACE with 405 before the app sees it", async () => {
    expect(await send("TRACE")).toEqual({ status: 405, allow: "GET, HEAD, POST", body: "Method Not Allowed" });
  });

  it.each(["GET", "POST", "PUT", "DELETE", "OPTIONS"])("hands %s to the app (the middleware judges it)", async (method) => {
    expect(await send(method)).toMatchObject({ status: 200, body: "from the app" });
  });
});
