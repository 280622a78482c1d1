import { describe, expect, it } from "vitest";
import { clearLoginFailures, consumeRequest, loginLock, recordLoginFailure } from "@/infra/rate-limits";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++counter}@example.com`;

describe("per-account login back-off", () => {
  it("lets four failures pass, pauses the account from the fifth, and a reset clears it", async () => {
    const email = unique("guess");
    for (let i = 0; i < 4; i++) await recordLoginFailure(email);
    expect(await loginLock(email)).toEqual({ allowed: true });

    await recordLoginFailure(email);
    const paused = await loginLock(email.toUpperCase());
    expect(paused.allowed).toBe(false);
    if (!paused.allowed) expect(paused.retryAfterSeconds).toBeGreaterThan(50);

    await clearLoginFailures(email);
    expect(await loginLock(email)).toEqual({ allowed: true });
  });

  it("doubles the pause with each further failure, never beyond 15 minutes", async () => {
    const email = unique("doubling");
    const pauses: number[] = [];
    for (let i = 0; i < 10; i++) {
      await recordLoginFailure(email);
      const lock = await loginLock(email);
      pauses.push(lock.allowed ? 0 : lock.retryAfterSeconds);
    }
    expect(pauses.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(pauses[5]!).toBeGreaterThan(pauses[4]! * 1.5);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(15 * 60);
    expect(pauses[9]).toBeGreaterThan(14 * 60);
  });

  it("keeps accounts apart", async () => {
    const victim = unique("victim");
    for (let i = 0; i < 6; i++) await recordLoginFailure(victim);
    expect((await loginLock(victim)).allowed).toBe(false);
    expect(await loginLock(unique("bystander"))).toEqual({ allowed: true });
  });
});

describe("per-client request ceiling", () => {
  it("allows 30 requests per kind and client in 10 minutes, then refuses", async () => {
    const client = { address: `198.51.100.${counter++ % 250}` };
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await consumeRequest("register", client, unique("any")));
    expect(results.slice(0, 30).every((result) => result.allowed)).toBe(true);
    expect(results[30]).toMatchObject({ allowed: false });
    // Another kind of request, and another client, have budgets of their own.
    expect(await consumeRequest("login", client)).toEqual({ allowed: true });
    expect(await consumeRequest("register", { address: `${client.address}9` })).toEqual({ allowed: true });
  });

  it("counts concurrent requests exactly (atomic upsert in the database)", async () => {
    const client = { address: `203.0.113.${counter++ % 250}` };
    const results = await Promise.all(Array.from({ length: 40 }, () => consumeRequest("password-reset", client)));
    expect(results.filter((result) => result.allowed)).toHaveLength(30);
  });

  it("where clients cannot be told apart, one client's flood does not shut out the others", async () => {
    const unknown = { address: null };
    const victim = unique("flooded");
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await consumeRequest("login", unknown, victim));
    // The flooded account waits; everybody else (and requests naming no account) still gets in.
    expect(results[30]).toMatchObject({ allowed: false });
    expect(await consumeRequest("login", unknown, unique("bystander"))).toEqual({ allowed: true });
    expect(await consumeRequest("resend-activation", unknown)).toEqual({ allowed: true });
  });
});
