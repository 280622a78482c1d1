import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";

// Pass-through spies on node:crypto, so the tests can see that hashing goes through the
// asynchronous pbkdf2 (never pbkdf2Sync) and at which cost.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, pbkdf2: vi.fn(actual.pbkdf2), pbkdf2Sync: vi.fn(actual.pbkdf2Sync) };
});

import * as crypto from "node:crypto";
import { hashPassword, MAX_ITERATIONS, verifyAgainstDummy, verifyPassword } from "./hash";

type FlaskFixture = {
  algorithm: { hash: string; iterations: number };
  matching: { password: string; stored: string }[];
  not_matching: { password: string; stored: string; matches: false }[];
};

const fixture = JSON.parse(readFileSync(new URL("../../tests/fixtures/flask-legacy-hashes.json", import.meta.url), "utf8")) as FlaskFixture;

const ITERATIONS = 1_000;

afterEach(() => {
  vi.mocked(crypto.pbkdf2).mockClear();
  vi.mocked(crypto.pbkdf2Sync).mockClear();
});

describe("malformed stored hashes", () => {
  const salt = Buffer.alloc(16, 1).toString("base64url");
  const hash = Buffer.alloc(64, 2).toString("base64url");
  const legacy = fixture.matching[0]!.stored;

  const malformed: unknown[] = [
    "",
    " ",
    "pbkdf2_sha512",
    "pbkdf2_sha512$$$",
    `pbkdf2_sha512$1000$${salt}`,
    `pbkdf2_sha512$1000$${salt}$${hash}$`,
    `pbkdf2_sha512$1000$${salt}$${hash}$extra`,
    `pbkdf2_sha256$1000$${salt}$${hash}`,
    `PBKDF2_SHA512$1000$${salt}$${hash}`,
    `pbkdf2_sha512$0$${salt}$${hash}`,
    `pbkdf2_sha512$-1000$${salt}$${hash}`,
    `pbkdf2_sha512$01000$${salt}$${hash}`,
    `pbkdf2_sha512$1e3$${salt}$${hash}`,
    `pbkdf2_sha512$1000.0$${salt}$${hash}`,
    `pbkdf2_sha512$ 1000$${salt}$${hash}`,
    `pbkdf2_sha512$abc$${salt}$${hash}`,
    // Over the cap: must be refused without running 10M+ iterations (that would time out).
    `pbkdf2_sha512$${MAX_ITERATIONS + 1}$${salt}$${hash}`,
    `pbkdf2_sha512$99999999$${salt}$${hash}`,
    `pbkdf2_sha512$999999999999999999999$${salt}$${hash}`,
    `pbkdf2_sha512$1000$$${hash}`,
    `pbkdf2_sha512$1000$${salt}$`,
    `pbkdf2_sha512$1000$${salt}=$${hash}`,
    `pbkdf2_sha512$1000$${salt.slice(0, -1)}$${hash}`,
    `pbkdf2_sha512$1000$${salt}$${hash.slice(0, -1)}`,
    `pbkdf2_sha512$1000$${salt}$${hash}AA`,
    `pbkdf2_sha512$1000$${salt.replace(/^./, "+")}$${hash}`,
    `pbkdf2_sha512$1000$${salt}$${hash.replace(/^./, "/")}`,
    `pbkdf2_sha512$1000$${salt}$${hash.replace(/^./, "!")}`,
    `pbkdf2_sha512$1000$${salt}$${"A".repeat(85)}B`, // non-canonical trailing bits
    legacy.slice(0, -1),
    `${legacy}0`,
    `${legacy.slice(0, -1)}g`,
    ` ${legacy}`,
    `${legacy}\n`,
    "x".repeat(1_000_000),
    null,
    undefined,
    42,
    {},
    [],
  ];

  it.each(malformed.map((value, index) => [index, value]))("#%i resolves to not-ok without throwing", async (_i, value) => {
    await expect(verifyPassword(value as string, "whatever", ITERATIONS)).resolves.toEqual({
      ok: false,
      needsRehash: false,
    });
  });

  it("runs only the dummy PBKDF2 at the current cost for malformed hashes, never their own", async () => {
    for (const value of malformed) await verifyPassword(value as string, "whatever", ITERATIONS);
    const calls = vi.mocked(crypto.pbkdf2).mock.calls;
    expect(calls).toHaveLength(malformed.length);
    for (const call of calls) expect(call.slice(2, 5)).toEqual([ITERATIONS, 64, "sha512"]);
  });

  it("treats a non-string password as a failure, not an exception", async () => {
    const stored = await hashPassword("real", ITERATIONS);
    for (const password of [null, undefined, 123, {}]) {
      await expect(verifyPassword(stored, password as unknown as string, ITERATIONS)).resolves.toEqual({
        ok: false,
        needsRehash: false,
      });
      await expect(verifyAgainstDummy(password as unknown as string, ITERATIONS)).resolves.toBeUndefined();
    }
  });
});

describe("verifyAgainstDummy", () => {
  it("runs one full PBKDF2-SHA512 at the given cost and resolves", async () => {
    await expect(verifyAgainstDummy("anything at all", 2_345)).resolves.toBeUndefined();
    expect(crypto.pbkdf2).toHaveBeenCalledTimes(1);
    expect(vi.mocked(crypto.pbkdf2).mock.calls[0]?.slice(2, 5)).toEqual([2_345, 64, "sha512"]);
  });

  it("does the same work as a wrong-password check at the same cost", async () => {
    const stored = await hashPassword("real password", 3_000);
    vi.mocked(crypto.pbkdf2).mockClear();
    await verifyPassword(stored, "guess", 3_000);
    await verifyAgainstDummy("guess", 3_000);
    const [real, dummy] = vi.mocked(crypto.pbkdf2).mock.calls;
    expect(real?.slice(2, 5)).toEqual(dummy?.slice(2, 5));
    expect((real?.[1] as Buffer).length).toBe((dummy?.[1] as Buffer).length);
  });
});

describe("constant cost", () => {
  const CURRENT = 130_000;
  const iterationsSpent = async (check: () => Promise<unknown>) => {
    vi.mocked(crypto.pbkdf2).mockClear();
    await check();
    return vi.mocked(crypto.pbkdf2).mock.calls.reduce((sum, call) => sum + (call[2] as number), 0);
  };

  it("spends the current iteration count on every check, whatever the stored hash", async () => {
    const legacy = fixture.matching[0]!;
    const current = await hashPassword("real password", CURRENT);
    const spent = {
      legacyWrong: await iterationsSpent(() => verifyPassword(legacy.stored, "wrong guess", CURRENT)),
      legacyRight: await iterationsSpent(() => verifyPassword(legacy.stored, legacy.password, CURRENT)),
      currentWrong: await iterationsSpent(() => verifyPassword(current, "wrong guess", CURRENT)),
      malformed: await iterationsSpent(() => verifyPassword("not a hash", "wrong guess", CURRENT)),
      unknownAddress: await iterationsSpent(() => verifyAgainstDummy("wrong guess", CURRENT)),
    };
    expect(spent).toEqual({
      legacyWrong: CURRENT,
      legacyRight: CURRENT,
      currentWrong: CURRENT,
      malformed: CURRENT,
      unknownAddress: CURRENT,
    });
  });
});

describe("asynchrony", () => {
  async function eventLoopTurnsDuring(work: () => Promise<unknown>): Promise<{ turnsBeforeDone: number }> {
    let turns = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      turns += 1;
      setImmediate(spin);
    };
    setImmediate(spin);
    const timerFired = new Promise<boolean>((resolve) => setTimeout(() => resolve(!done), 0));
    const pending = work().then(() => {
      done = true;
      return turns;
    });
    const [turnsBeforeDone, timerBeforeDone] = await Promise.all([pending, timerFired]);
    expect(timerBeforeDone).toBe(true);
    return { turnsBeforeDone };
  }

  it("lets the event loop run while hashing at 220,000 iterations", async () => {
    const { turnsBeforeDone } = await eventLoopTurnsDuring(() => hashPassword("async please", 220_000));
    // A synchronous PBKDF2 would finish before any setImmediate/timer callback ran.
    expect(turnsBeforeDone).toBeGreaterThan(1);
  });

  it("lets the event loop run while verifying at 220,000 iterations", async () => {
    const stored = await hashPassword("async please", 220_000);
    const { turnsBeforeDone } = await eventLoopTurnsDuring(() => verifyPassword(stored, "async please", 220_000));
    expect(turnsBeforeDone).toBeGreaterThan(1);
  });

  it("lets the event loop run during the dummy check at 220,000 iterations", async () => {
    const { turnsBeforeDone } = await eventLoopTurnsDuring(() => verifyAgainstDummy("nobody", 220_000));
    expect(turnsBeforeDone).toBeGreaterThan(1);
  });
});
