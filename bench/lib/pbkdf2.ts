import { pbkdf2 } from "node:crypto";
import { promisify } from "node:util";

const derive = promisify(pbkdf2);

/**
 * Raw PBKDF2-HMAC-SHA512 throughput (64-byte key, as core/passwords/hash.ts) with Node's default
 * libuv thread pool: `inFlight` hashes always queued, so every pool thread stays busy.
 */
export async function pbkdf2Throughput(
  iterations: number,
  seconds: number,
  inFlight = 8,
): Promise<{ hashesPerSecond: number; meanMs: number }> {
  const salt = Buffer.alloc(16, 1);
  const end = performance.now() + seconds * 1000;
  let done = 0;
  let totalMs = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      await derive("a long and unusual passphrase", salt, iterations, 64, "sha512");
      totalMs += performance.now() - started;
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { hashesPerSecond: done / elapsed, meanMs: totalMs / done };
}
