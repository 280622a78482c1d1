import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { drainServers, shutDown } from "./graceful-shutdown";

/** A server whose /slow answers only when told to. */
async function serve() {
  const waiting: (() => void)[] = [];
  const server = http.createServer((request, response) => {
    if (request.url === "/slow") waiting.push(() => response.end("slow done"));
    else response.end("fast");
  });
  // Longer than the test's timeout: an idle connection left open would hold the drain.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const release = () => waiting.splice(0).forEach((answer) => answer());
  const arrived = async () => {
    while (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return { server, port, release, arrived };
}

const agent = new http.Agent({ keepAlive: true });
afterEach(() => agent.destroy());

function get(port: string | number, path: string): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode!, body, connection: response.headers.connection }));
      })
      .on("error", reject);
  });
}

describe("drainServers", () => {
  it("lets a request in flight finish, refuses new connections, and closes a keep-alive connection left idle", async () => {
    const { server, port, release, arrived } = await serve();
    expect(await get(port, "/fast")).toMatchObject({ body: "fast" }); // leaves an idle keep-alive connection
    const slow = get(port, "/slow");
    await arrived();
    const drained = drainServers([server], 60_000);
    await expect(
      new Promise((resolve, reject) => http.get({ host: "127.0.0.1", port, path: "/fast" }, resolve).on("error", reject)),
    ).rejects.toMatchObject({ code: "ECONNREFUSED" });
    release();
    expect(await slow).toMatchObject({ status: 200, body: "slow done" });
    // Resolves without waiting for the grace period, although the agent keeps connections alive.
    expect(await drained).toEqual({ forced: false });
  });

  it("cuts what is still running after the grace period", async () => {
    const { server, port, arrived } = await serve();
    const slow = get(port, "/slow");
    await arrived();
    expect(await drainServers([server], 50)).toEqual({ forced: true });
    await expect(slow).rejects.toMatchObject({ code: "ECONNRESET" });
  });
});

describe("shutDown", () => {
  it("closes the database after the servers, and exits 0 with nothing to drain", async () => {
    const steps: string[] = [];
    await shutDown("SIGTERM", {
      graceMs: 1_000,
      servers: () => [],
      stopKeepingAlive: () => steps.push("keep-alive off"),
      closeDatabase: async () => void steps.push("database closed"),
      exit: (code) => void steps.push(`exit ${code}`),
    });
    expect(steps).toEqual(["keep-alive off", "database closed", "exit 0"]);
  });

  it("exits 1 when the database does not close", async () => {
    const codes: number[] = [];
    await shutDown("SIGINT", {
      graceMs: 1_000,
      servers: () => [],
      stopKeepingAlive: () => {},
      closeDatabase: () => Promise.reject(new Error("stuck")),
      exit: (code) => void codes.push(code),
    });
    expect(codes).toEqual([1]);
  });
});
