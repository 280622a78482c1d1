import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { database } from "@/infra/db";
import { openPostgres, type DatabaseHandle } from "@/infra/db/client";
import { checkHealth } from "@/infra/health";

/** A TCP server that accepts connections and never says a word: a database that hangs. */
async function silentServer(): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { server, port: address.port, sockets };
}

/** A port on which nothing listens: connections are refused. */
async function closedPort(): Promise<number> {
  const { server, port } = await silentServer();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const handles: DatabaseHandle[] = [];
const open = (url: string) => {
  const handle = openPostgres(url, { max: 1 });
  handles.push(handle);
  return () => Promise.resolve(handle);
};

afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.close().catch(() => {})));
});

describe("GET /api/health", () => {
  // A server opens and migrates its database at start-up (instrumentation.ts), before any check.
  beforeAll(async () => {
    await database();
  });

  it("answers 200 with the database up, never cached", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });
});

describe("checkHealth", () => {
  it("says the database is down when it refuses connections, and logs one line without the password", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      const health = await checkHealth(open(`postgres://pantry:s3cret-pw@127.0.0.1:${await closedPort()}/pantry`));
      expect(health).toEqual({ status: "unavailable", db: "down" });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", event: "health.db_down", code: "ECONNREFUSED" });
    expect(lines[0]).not.toContain("s3cret-pw");
  });

  it("says the database is down when it does not answer within the time allowed", async () => {
    const { server, port, sockets } = await silentServer();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const health = await checkHealth(open(`postgres://pantry@127.0.0.1:${port}/pantry`));
      expect(health).toEqual({ status: "unavailable", db: "down" });
      expect(sockets.size).toBeGreaterThan(0); // it did reach the server: the silence is what failed it
    } finally {
      spy.mockRestore();
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });
});
