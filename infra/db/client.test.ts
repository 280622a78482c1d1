import { describe, expect, it } from "vitest";
import { poolerAware, reconnectDelaySeconds } from "./client";

describe("a DATABASE_URL that names a pooler", () => {
  it.each([
    ["postgres://u:p@pooler:6432/pantry?pgbouncer=true", "postgres://u:p@pooler:6432/pantry", false],
    ["postgres://u:p@pooler:6432/pantry?sslmode=require&pgbouncer=true", "postgres://u:p@pooler:6432/pantry?sslmode=require", false],
    ["postgres://u:p@db:5432/pantry", "postgres://u:p@db:5432/pantry", true],
    ["postgres://u:p@db:5432/pantry?pgbouncer=false", "postgres://u:p@db:5432/pantry", true],
  ])("%s → %s, prepared statements %s", (url, expected, prepare) => {
    expect(poolerAware(url)).toEqual({ url: expected, prepare });
  });
});

describe("reconnecting while the database is away", () => {
  it("tries again soon at first and never waits more than a second, however many attempts failed", () => {
    const delays = Array.from({ length: 40 }, (_, retries) => reconnectDelaySeconds(retries));
    expect(delays[1]).toBeLessThanOrEqual(0.1);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1);
    expect(Math.min(...delays.slice(10))).toBeGreaterThanOrEqual(0.5);
  });
});
