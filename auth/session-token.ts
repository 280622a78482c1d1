import { hkdf } from "@panva/hkdf";
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

// Auth.js's own session-cookie format (an encrypted JWT: "dir", A256CBC-HS512, the key derived from
// AUTH_SECRET by HKDF with the cookie's name as salt, its JWK thumbprint as "kid"), written and read
// here so the derived key is computed once per secret instead of on every login and every signed-in
// request (bench/results.md, "Login cost"). Edge-safe: jose and @panva/hkdf run on WebCrypto.

const ALG = "dir";
const ENC = "A256CBC-HS512";
/** Key bytes per encryption, and the thumbprint's digest Auth.js pairs with them (sha + the key's bits). */
const KEYS: Record<string, { length: number; digest: "sha512" | "sha256" }> = {
  "A256CBC-HS512": { length: 64, digest: "sha512" },
  A256GCM: { length: 32, digest: "sha256" },
};
const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

type DerivedKey = { key: Uint8Array; kid: string };
const derivedKeys = new Map<string, Promise<DerivedKey>>();

/** The key Auth.js derives for `enc` from a secret and a salt, and its thumbprint; the same inputs always give the same key. */
function derivedKey(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  const shape = KEYS[enc];
  if (!shape) return Promise.reject(new Error("Unsupported JWT Content Encryption Algorithm"));
  // Only configured values reach here (the secrets, the cookie's name, a checked algorithm): the map stays tiny.
  const cacheKey = JSON.stringify([enc, secret, salt]);
  let derived = derivedKeys.get(cacheKey);
  if (!derived) {
    derived = (async () => {
      const key = await hkdf("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, shape.length);
      const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, shape.digest);
      return { key, kid };
    })();
    derived.catch(() => derivedKeys.delete(cacheKey));
    derivedKeys.set(cacheKey, derived);
  }
  return derived;
}

const secretsOf = (secret: string | string[]) => (Array.isArray(secret) ? secret : [secret]);

export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE_SECONDS, salt }: JWTEncodeParams): Promise<string> {
  const { key, kid } = await derivedKey(ENC, secretsOf(secret)[0]!, salt);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: ALG, enc: ENC, kid })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

export async function decodeSessionToken({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt<JWT>(
    token,
    async ({ kid, enc }) => {
      for (const candidate of secretsOf(secret)) {
        const derived = await derivedKey(enc, candidate, salt);
        if (kid === undefined || kid === derived.kid) return derived.key;
      }
      throw new Error("no matching decryption secret");
    },
    { clockTolerance: 15, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC, "A256GCM"] },
  );
  return payload;
}
