// pbkdf2_sha512$<iterations>$<salt>$<hash> (base64url; 16-byte salt, 64-byte key), or the Flask app's legacy 192 hex
// characters: a 64-hex salt used as ASCII, then PBKDF2-HMAC-SHA512 at 100,000 iterations. Hashing runs on the libuv
// pool, never blocking the event loop. No password, nor anything derived from one, is ever logged or put in an error.

import "server-only";
import { pbkdf2 as pbkdf2Callback, randomBytes, timingSafeEqual } from "node:crypto";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { createSlots } from "@/infra/slots";

const pbkdf2 = promisify(pbkdf2Callback);

// The libuv pool (4 threads unless UV_THREADPOOL_SIZE) also serves DNS, file reads, zlib and WebCrypto (the session
// cookie): one thread stays free for them (bench/results.md, "Login cost"), and more hashes than cores go no faster.
const hashSlots = createSlots(Math.max(1, Math.min(availableParallelism(), (Number(process.env.UV_THREADPOOL_SIZE) || 4) - 1)));

const ALGORITHM_ID = "pbkdf2_sha512";
const DIGEST = "sha512";
const SALT_BYTES = 16;
const KEY_BYTES = 64;

/** Iteration count of the Flask app's hashes (fixed by that format). */
export const LEGACY_ITERATIONS = 100_000;

/** Highest iteration count accepted, new or stored: a tampered row must not hold a pool thread for minutes. */
export const MAX_ITERATIONS = 10_000_000;

const LEGACY_SALT_CHARS = 64;
const LEGACY_HASH_CHARS = 128;
const LEGACY_PATTERN = /^[0-9a-fA-F]{192}$/;
const ITERATIONS_PATTERN = /^[1-9][0-9]{0,7}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;

export type VerifyResult = { ok: boolean; needsRehash: boolean };

type ParsedHash = {
  legacy: boolean;
  iterations: number;
  salt: Buffer;
  hash: Buffer;
};

const FAILED: VerifyResult = Object.freeze({ ok: false, needsRehash: false });

function assertIterations(iterations: number, name: string): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`${name} must be an integer from 1 to ${MAX_ITERATIONS}.`);
  }
}

function derive(password: string, salt: Buffer, iterations: number, keyBytes: number): Promise<Buffer> {
  return hashSlots.run(() => pbkdf2(Buffer.from(password, "utf8"), salt, iterations, keyBytes, DIGEST));
}

/** Strict base64url decoding: only canonical, unpadded input of the expected length. */
function decodeBase64url(text: string, expectedBytes: number): Buffer | null {
  if (!BASE64URL_PATTERN.test(text)) return null;
  const bytes = Buffer.from(text, "base64url");
  if (bytes.length !== expectedBytes || bytes.toString("base64url") !== text) return null;
  return bytes;
}

/** Parses a stored hash of either format; null when it is malformed. Never throws. */
function parseStoredHash(stored: unknown): ParsedHash | null {
  if (typeof stored !== "string") return null;

  if (LEGACY_PATTERN.test(stored)) {
    return {
      legacy: true,
      iterations: LEGACY_ITERATIONS,
      salt: Buffer.from(stored.slice(0, LEGACY_SALT_CHARS), "ascii"),
      hash: Buffer.from(stored.slice(LEGACY_SALT_CHARS, LEGACY_SALT_CHARS + LEGACY_HASH_CHARS), "hex"),
    };
  }

  const parts = stored.split("$");
  if (parts.length !== 4) return null;
  const [algorithm, iterationsText, saltText, hashText] = parts as [string, string, string, string];
  if (algorithm !== ALGORITHM_ID) return null;
  if (!ITERATIONS_PATTERN.test(iterationsText)) return null;
  const iterations = Number(iterationsText);
  if (iterations > MAX_ITERATIONS) return null;
  const salt = decodeBase64url(saltText, SALT_BYTES);
  const hash = decodeBase64url(hashText, KEY_BYTES);
  if (salt === null || hash === null) return null;
  return { legacy: false, iterations, salt, hash };
}

async function matches(parsed: ParsedHash, password: string): Promise<boolean> {
  const candidate = await derive(password, parsed.salt, parsed.iterations, parsed.hash.length);
  // timingSafeEqual throws on a length mismatch.
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}

/** PBKDF2-HMAC-SHA512 with a fresh random salt, in the current format. */
export async function hashPassword(password: string, iterations: number): Promise<string> {
  if (typeof password !== "string") throw new TypeError("password must be a string.");
  assertIterations(iterations, "iterations");
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, iterations, KEY_BYTES);
  return `${ALGORITHM_ID}$${iterations}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

/** `needsRehash` when ok and the hash is legacy or cheaper than `currentIterations`. Always costs `currentIterations`; throws only when that is invalid. */
export async function verifyPassword(stored: string, password: string, currentIterations: number): Promise<VerifyResult> {
  assertIterations(currentIterations, "currentIterations");
  const parsed = parseStoredHash(stored);
  const usable = parsed !== null && typeof password === "string";
  const ok = usable && (await matches(parsed, password));
  // Every check costs at least the current cost, whatever is stored: a cheaper legacy hash or a
  // malformed one would otherwise answer sooner and tell an attacker which accounts are which.
  const spent = usable ? parsed.iterations : 0;
  if (spent < currentIterations) await verifyAgainstDummy(password, currentIterations - spent);
  if (!ok || parsed === null) return { ...FAILED };
  return { ok: true, needsRehash: parsed.legacy || parsed.iterations < currentIterations };
}

// Arbitrary constants: no password hashes to this key in practice.
const DUMMY_SALT = Buffer.from("pantry dummy 16b", "ascii"); // 16 bytes, like a real salt
const DUMMY_HASH = Buffer.alloc(KEY_BYTES, 0x5a); // 64 bytes, like a real key

/** One full PBKDF2 against a dummy hash, so an unknown email costs as long as a wrong password (user enumeration). */
export async function verifyAgainstDummy(password: string, iterations: number): Promise<void> {
  assertIterations(iterations, "iterations");
  const dummy: ParsedHash = { legacy: false, iterations, salt: DUMMY_SALT, hash: DUMMY_HASH };
  await matches(dummy, typeof password === "string" ? password : "");
}
