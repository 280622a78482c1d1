import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Observes (does not replace) PBKDF2, to see that an unknown address still costs a hash.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, pbkdf2: vi.fn(actual.pbkdf2) };
});

import * as crypto from "node:crypto";
import { getDb } from "@/db";
import { oneTimeTokens, users } from "@/db/schema";
import { activateAccount, checkActivationToken } from "@/lib/accounts/activate";
import { checkCredentials } from "@/lib/accounts/login";
import { registerAccount, resendActivation } from "@/lib/accounts/register";
import { serverRegisterSchema } from "@/lib/accounts/server-schemas";
import { activationTokenFor, mailsTo } from "../support/outbox";

const legacy = JSON.parse(readFileSync(new URL("../fixtures/flask-legacy-hashes.json", import.meta.url), "utf8")) as {
  matching: { password: string; stored: string }[];
};

const PASSWORD = "plum tart on sunday";
let counter = 0;
const uniqueEmail = (prefix = "cook") => `${prefix}${++counter}-${Date.now()}@example.com`;

async function register(email: string, name = "Ada", password = PASSWORD) {
  return registerAccount(serverRegisterSchema.parse({ name, email, password }));
}

async function userRows(email: string) {
  const db = await getDb();
  return db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
}

describe("registration", () => {
  it("stores an inactive user with a hashed password and mails an activation link from APP_URL", async () => {
    const email = uniqueEmail();
    expect(await register(email, "Ada")).toEqual({ sent: true });

    const [user] = await userRows(email);
    expect(user).toMatchObject({ name: "Ada", email, isActive: false });
    expect(user!.passwordHash).toMatch(/^pbkdf2_sha512\$20000\$/);
    expect(user!.passwordHash).not.toContain(PASSWORD);

    const [mail] = mailsTo(email);
    expect(mail!.subject).toBe("Confirm your account");
    expect(mail!.text).toContain("Hello Ada");
    expect(mail!.html).toContain("Hello Ada");
    const token = activationTokenFor(email);
    expect(mail!.links).toContain(`http://localhost:3000/activate/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Only the SHA-256 of the token is stored.
    const db = await getDb();
    const tokens = await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, user!.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(tokens)).not.toContain(token);
  });

  it("never makes a second account for an address in another letter case, and leaves the first untouched", async () => {
    const email = uniqueEmail("Case");
    await register(email, "Original");
    const [before] = await userRows(email);

    expect(await register(email.toUpperCase(), "Impostor", "another long password")).toEqual({ sent: true });

    const rows = await userRows(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(before);
    // Never activated: the owner gets a fresh activation link, and the older one stops working.
    const mails = mailsTo(email);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe("Confirm your account");
    expect(mails[0]!.text).toContain("Hello Original");
  });

  it("tells the owner of an active account that it exists, with a login link", async () => {
    const email = uniqueEmail();
    await register(email, "Grace");
    await activateAccount(activationTokenFor(email));
    await register(email, "Someone else");
    const [latest] = mailsTo(email);
    expect(latest!.subject).toBe("You already have a Pantry account");
    expect(latest!.links).toContain("http://localhost:3000/login");
    expect((await userRows(email))[0]!.name).toBe("Grace");
  });

  it("makes exactly one account from 50 concurrent registrations of one address, in any letter case", async () => {
    const email = uniqueEmail("race");
    const variants = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? email.toUpperCase() : i % 3 === 1 ? email : email.replace(/^r/, "R")));
    const results = await Promise.allSettled(variants.map((variant, i) => register(variant, `Racer ${i}`)));
    expect(results.every((result) => result.status === "fulfilled")).toBe(true);
    expect(await userRows(email)).toHaveLength(1);
  });

  it("refuses a very common password on the server", () => {
    const result = serverRegisterSchema.safeParse({ name: "A", email: uniqueEmail(), password: "password123" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/too common/);
  });
});

describe("activation", () => {
  let email: string;
  beforeEach(async () => {
    email = uniqueEmail("act");
    await register(email, "Linus");
  });

  it("activates once; the same token is refused the second time", async () => {
    const token = activationTokenFor(email);
    expect(await checkActivationToken(token)).toMatchObject({ email, isActive: false });
    expect(await activateAccount(token)).toMatchObject({ email, isActive: true });
    expect(await activateAccount(token)).toBeNull();
    expect(await checkActivationToken(token)).toBeNull();
  });

  it("refuses an expired token and leaves the account inactive", async () => {
    const token = activationTokenFor(email);
    const db = await getDb();
    await db
      .update(oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(oneTimeTokens.tokenHash, createHash("sha256").update(token).digest("hex")));
    expect(await activateAccount(token)).toBeNull();
    expect((await userRows(email))[0]!.isActive).toBe(false);
  });

  it("refuses a user id in place of a token (the original app's flaw)", async () => {
    const [user] = await userRows(email);
    expect(await activateAccount(user!.id)).toBeNull();
    expect(await activateAccount(user!.id.replaceAll("-", ""))).toBeNull();
    expect((await userRows(email))[0]!.isActive).toBe(false);
  });

  it("retires the older link when a new one is requested", async () => {
    const first = activationTokenFor(email);
    await resendActivation(email.toUpperCase());
    const second = activationTokenFor(email);
    expect(second).not.toBe(first);
    expect(await activateAccount(first)).toBeNull();
    expect(await activateAccount(second)).toMatchObject({ isActive: true });
  });
});

describe("credentials", () => {
  it("refuses an inactive account with the right password, and tells wrong passwords apart from it", async () => {
    const email = uniqueEmail();
    await register(email);
    expect(await checkCredentials(email, PASSWORD)).toEqual({ status: "inactive" });
    expect(await checkCredentials(email, "wrong password here")).toEqual({ status: "invalid" });
  });

  it("logs in an active user, by any letter case of the address", async () => {
    const email = uniqueEmail();
    await register(email, "Mia");
    await activateAccount(activationTokenFor(email));
    const result = await checkCredentials(email.toUpperCase(), PASSWORD);
    expect(result).toMatchObject({ status: "ok", user: { email, name: "Mia" } });
    expect(JSON.stringify(result)).not.toContain("pbkdf2");
  });

  it("runs a full hash for an unknown address, like for a wrong password", async () => {
    const pbkdf2 = vi.mocked(crypto.pbkdf2);
    pbkdf2.mockClear();
    expect(await checkCredentials(uniqueEmail("nobody"), "some password")).toEqual({ status: "invalid" });
    expect(pbkdf2).toHaveBeenCalledTimes(1);
    expect(pbkdf2.mock.calls[0]![2]).toBe(20000);
  });

  it("accepts a Flask-era hash and re-hashes it in the current format after login", async () => {
    const db = await getDb();
    const email = uniqueEmail("flask");
    const vector = legacy.matching[0]!;
    await db.insert(users).values({ email, name: "Bruno", passwordHash: vector.stored, isActive: true });
    expect(await checkCredentials(email, vector.password)).toMatchObject({ status: "ok" });
    const [after] = await userRows(email);
    expect(after!.passwordHash).toMatch(/^pbkdf2_sha512\$20000\$/);
    expect(after!.lastLoginAt).toBeInstanceOf(Date);
    expect(await checkCredentials(email, vector.password)).toMatchObject({ status: "ok" });
  });
});
