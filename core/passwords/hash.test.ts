import { readFileSync } from "node:fs";
import { pbkdf2Sync } from "node:crypto";
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
const CURRENT_FORMAT = /^pbkdf2_sha512\$(\d+)\$([A-Za-z0-9_-]{22})\$([A-Za-z0-9_-]{86})$/;

afterEach(() => {
  vi.mocked(crypto.pbkdf2).mockClear();
  vi.mocked(crypto.pbkdf2Sync).mockClear();
});

describe("hashPassword / verifyPassword", () => {
  it("round-trips", async () => {
    const stored = await hashPassword("correct horse battery staple", ITERATIONS);
    expect(await verifyPassword(stored, "correct horse battery staple", ITERATIONS)).toEqual({
      ok: true,
      needsRehash: false,
    });
  });

  it("round-trips non-ASCII, whitespace and empty passwords byte for byte", async () => {
    for (const password of ["pässwörd ✓ 🍅", "  spaces kept  ", "", "e\u0301", "\u00e9"]) {
      const stored = await hashPassword(password, ITERATIONS);
      expect((await verifyPassword(stored, password, ITERATIONS)).ok).toBe(true);
    }
    // No normalisation: NFD "é" and NFC "é" are different passwords.
    const nfd = await hashPassword("caf\u0065\u0301 au lait", ITERATIONS);
    expect((await verifyPassword(nfd, "caf\u00e9 au lait", ITERATIONS)).ok).toBe(false);
  });

  it("rejects a wrong password", async () => {
    const stored = await hashPassword("correct horse battery staple", ITERATIONS);
    for (const wrong of ["Correct horse battery staple", "correct horse battery staple ", "", "x"]) {
      expect(await verifyPassword(stored, wrong, ITERATIONS)).toEqual({ ok: false, needsRehash: false });
    }
  });

  it("uses a random salt: the same password hashes differently each time", async () => {
    const a = await hashPassword("same password", ITERATIONS);
    const b = await hashPassword("same password", ITERATIONS);
    expect(a).not.toBe(b);
    expect(a.split("$")[2]).not.toBe(b.split("$")[2]);
    expect((await verifyPassword(a, "same password", ITERATIONS)).ok).toBe(true);
    expect((await verifyPassword(b, "same password", ITERATIONS)).ok).toBe(true);
  });

  it("stores pbkdf2_sha512$<iterations>$<16-byte salt b64url>$<64-byte hash b64url>", async () => {
    const stored = await hashPassword("format check", 1234);
    const match = CURRENT_FORMAT.exec(stored);
    expect(match).not.toBeNull();
    const [, iterations, salt, hash] = match as unknown as [string, string, string, string];
    expect(iterations).toBe("1234");
    expect(Buffer.from(salt, "base64url")).toHaveLength(16);
    expect(Buffer.from(hash, "base64url")).toHaveLength(64);
    // The hash is plain PBKDF2-HMAC-SHA512 of the UTF-8 password with that salt.
    const expected = pbkdf2Sync(Buffer.from("format check", "utf8"), Buffer.from(salt, "base64url"), 1234, 64, "sha512");
    expect(hash).toBe(expected.toString("base64url"));
  });

  it("flags hashes with fewer iterations than the current setting for rehash", async () => {
    const stored = await hashPassword("upgrade me", ITERATIONS);
    expect(await verifyPassword(stored, "upgrade me", ITERATIONS * 2)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword(stored, "upgrade me", ITERATIONS)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword(stored, "upgrade me", ITERATIONS / 2)).toEqual({ ok: true, needsRehash: false });
    // Never on failure.
    expect(await verifyPassword(stored, "wrong", ITERATIONS * 2)).toEqual({ ok: false, needsRehash: false });
  });

  it("verifies at the stored iteration count, not the current one", async () => {
    const stored = await hashPassword("cost", 1500);
    await verifyPassword(stored, "cost", 3000);
    expect(vi.mocked(crypto.pbkdf2).mock.calls.at(-1)?.slice(2, 5)).toEqual([1500, 64, "sha512"]);
  });

  it("never uses pbkdf2Sync", async () => {
    const stored = await hashPassword("async only", ITERATIONS);
    await verifyPassword(stored, "async only", ITERATIONS);
    await verifyPassword(fixture.matching[0]!.stored, fixture.matching[0]!.password, ITERATIONS);
    await verifyAgainstDummy("async only", ITERATIONS);
    expect(crypto.pbkdf2).toHaveBeenCalledTimes(4);
    expect(crypto.pbkdf2Sync).not.toHaveBeenCalled();
  });

  it("refuses invalid iteration settings without echoing the password", async () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_ITERATIONS + 1]) {
      const error = await hashPassword("secret-in-error?", bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RangeError);
      expect(String((error as Error).message)).not.toContain("secret-in-error?");
      await expect(verifyAgainstDummy("secret-in-error?", bad)).rejects.toBeInstanceOf(RangeError);
    }
  });
});

describe("legacy Flask hashes (fixtures/flask-legacy-hashes.json)", () => {
  it("fixture has the expected shape", () => {
    expect(fixture.algorithm).toMatchObject({ hash: "sha512", iterations: 100_000 });
    expect(fixture.matching.length).toBeGreaterThan(0);
    expect(fixture.not_matching.length).toBeGreaterThan(0);
    for (const entry of [...fixture.matching, ...fixture.not_matching]) {
      expect(entry.stored).toMatch(/^[0-9a-f]{192}$/);
    }
  });

  it.each(fixture.matching.map((e, i) => [i, e.password, e.stored] as const))(
    "verifies matching vector #%i and asks for a rehash",
    async (_i, password, stored) => {
      expect(await verifyPassword(stored, password, 220_000)).toEqual({ ok: true, needsRehash: true });
      // Legacy hashes always need a rehash, whatever the current setting.
      expect(await verifyPassword(stored, password, 1)).toEqual({ ok: true, needsRehash: true });
      expect(vi.mocked(crypto.pbkdf2).mock.calls.at(-1)?.slice(2, 5)).toEqual([100_000, 64, "sha512"]);
    },
  );

  it.each(fixture.not_matching.map((e, i) => [i, e.password, e.stored] as const))(
    "refuses not_matching vector #%i",
    async (_i, password, stored) => {
      expect(await verifyPassword(stored, password, 220_000)).toEqual({ ok: false, needsRehash: false });
    },
  );

  it("uses the salt as ASCII text (not hex-decoded)", async () => {
    const { password, stored } = fixture.matching[0]!;
    const hexDecodedSalt = Buffer.from(stored.slice(0, 64), "hex");
    const wrongDigest = pbkdf2Sync(password, hexDecodedSalt, 100_000, 64, "sha512").toString("hex");
    expect(wrongDigest).not.toBe(stored.slice(64));
  });
});
