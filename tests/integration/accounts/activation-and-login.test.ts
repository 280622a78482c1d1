import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Observes (does not replace) PBKDF2, to see that an unknown address still costs a hash.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, pbkdf2: vi.fn(actual.pbkdf2) };
});

import * as crypto from "node:crypto";
import { getDb } from "@/infra/db";
import { oneTimeTokens, users } from "@/infra/db/schema";
import { checkActivationToken, isConfirmedActivationLink } from "@/core/accounts/activation";
import { checkCredentials } from "@/core/accounts/login";
import { findSessionUser, startSession } from "@/core/accounts/sessions";
import { requestPasswordReset, resetPassword } from "@/core/accounts/password-reset";
import { resendActivation } from "@/core/accounts/register";
import { activationTokenFor, mailsTo } from "@/tests/support/outbox";
import { PASSWORD, uniqueEmail, register, confirm, userRows, resetTokenFor } from "@/tests/support/accounts";

const legacy = JSON.parse(readFileSync(new URL("../../fixtures/flask-legacy-hashes.json", import.meta.url), "utf8")) as {
  matching: { password: string; stored: string }[];
};

describe("activation", () => {
  let email: string;
  beforeEach(async () => {
    email = uniqueEmail("act");
    await register(email, "Linus");
  });

  it("activates once; the same token is refused the second time", async () => {
    const token = activationTokenFor(email);
    expect(await checkActivationToken(await getDb(), token)).toMatchObject({ email, isActive: false });
    expect(await confirm(token)).toMatchObject({ email, isActive: true });
    expect(await confirm(token)).toBeNull();
    expect(await checkActivationToken(await getDb(), token)).toBeNull();
  });

  it("knows a used link of a confirmed account, and no other link", async () => {
    const db = await getDb();
    const token = activationTokenFor(email);
    expect(await isConfirmedActivationLink(db, token)).toBe(false);
    await resendActivation(db, email);
    // Replaced while the account waits: nothing is said about it.
    expect(await isConfirmedActivationLink(db, token)).toBe(false);
    const newest = activationTokenFor(email);
    expect(newest).not.toBe(token);
    expect(await confirm(newest)).toMatchObject({ email, isActive: true });
    expect(await isConfirmedActivationLink(db, newest)).toBe(true);
    // The replaced link too, now: only the address's mail carried it.
    expect(await isConfirmedActivationLink(db, token)).toBe(true);
    expect(await isConfirmedActivationLink(db, "A".repeat(43))).toBe(false);
    expect(await isConfirmedActivationLink(db, "not a token")).toBe(false);
  });

  it("refuses an expired token and leaves the account inactive", async () => {
    const token = activationTokenFor(email);
    const db = await getDb();
    await db
      .update(oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(oneTimeTokens.tokenHash, createHash("sha256").update(token).digest("hex")));
    expect(await confirm(token)).toBeNull();
    expect((await userRows(email))[0]!.isActive).toBe(false);
  });

  it("refuses a user id in place of a token (the original app's flaw)", async () => {
    const [user] = await userRows(email);
    expect(await confirm(user!.id)).toBeNull();
    expect(await confirm(user!.id.replaceAll("-", ""))).toBeNull();
    expect((await userRows(email))[0]!.isActive).toBe(false);
  });

  it("retires the older link when a new one is requested", async () => {
    const first = activationTokenFor(email);
    await resendActivation(await getDb(), email.toUpperCase());
    const second = activationTokenFor(email);
    expect(second).not.toBe(first);
    expect(await confirm(first)).toBeNull();
    expect(await confirm(second)).toMatchObject({ isActive: true });
  });

  it("sends again a link for the latest registration of the address", async () => {
    await register(email, "Linus Again", "a second registration passphrase");
    await resendActivation(await getDb(), email);
    expect(await confirm(activationTokenFor(email), "a second registration passphrase")).toMatchObject({
      name: "Linus Again",
      isActive: true,
    });
    expect(await checkCredentials(await getDb(), email, "a second registration passphrase")).toMatchObject({ status: "ok" });
    expect(await checkCredentials(await getDb(), email, PASSWORD)).toEqual({ status: "invalid" });
  });

  it("keeps a password set by a reset when an activation link mailed before it is used", async () => {
    await requestPasswordReset(await getDb(), email);
    const [resetMail] = mailsTo(email);
    // An inactive account's name was typed by whoever registered it: the mail leaves it out.
    expect(resetMail!.subject).toBe("Reset your Pantry password");
    expect(resetMail!.text).not.toContain("Linus");
    expect(resetMail!.html).not.toContain("Linus");
    expect(await resetPassword(await getDb(), resetTokenFor(email), "a password chosen by reset")).not.toBeNull();
    expect(await confirm(activationTokenFor(email))).toBeNull();
    expect(await confirm(activationTokenFor(email), "a password chosen by reset")).toMatchObject({ isActive: true });
    expect(await checkCredentials(await getDb(), email, "a password chosen by reset")).toMatchObject({ status: "ok" });
    expect(await checkCredentials(await getDb(), email, PASSWORD)).toEqual({ status: "invalid" });
  });
});

describe("credentials", () => {
  it("refuses an inactive account with the right password, and tells wrong passwords apart from it", async () => {
    const email = uniqueEmail();
    await register(email);
    expect(await checkCredentials(await getDb(), email, PASSWORD)).toEqual({ status: "inactive" });
    expect(await checkCredentials(await getDb(), email, "wrong password here")).toEqual({ status: "invalid" });
  });

  it("logs in an active user, by any letter case of the address", async () => {
    const email = uniqueEmail();
    await register(email, "Mia");
    await confirm(activationTokenFor(email));
    const result = await checkCredentials(await getDb(), email.toUpperCase(), PASSWORD);
    expect(result).toMatchObject({ status: "ok", user: { email, name: "Mia" } });
    expect(JSON.stringify(result)).not.toContain("pbkdf2");
  });

  it("runs a full hash for an unknown address, like for a wrong password", async () => {
    const pbkdf2 = vi.mocked(crypto.pbkdf2);
    pbkdf2.mockClear();
    expect(await checkCredentials(await getDb(), uniqueEmail("nobody"), "some password")).toEqual({ status: "invalid" });
    expect(pbkdf2).toHaveBeenCalledTimes(1);
    expect(pbkdf2.mock.calls[0]![2]).toBe(20000);
  });

  it("accepts a Flask-era hash and re-hashes it in the current format after login", async () => {
    const db = await getDb();
    const email = uniqueEmail("flask");
    const vector = legacy.matching[0]!;
    await db.insert(users).values({ email, name: "Bruno", passwordHash: vector.stored, isActive: true });
    expect(await checkCredentials(await getDb(), email, vector.password)).toMatchObject({ status: "ok" });
    const [after] = await userRows(email);
    expect(after!.passwordHash).toMatch(/^pbkdf2_sha512\$20000\$/);
    expect(await checkCredentials(await getDb(), email, vector.password)).toMatchObject({ status: "ok" });
  });

  it("records the login time when the session starts, and the session opens the account", async () => {
    const db = await getDb();
    const email = uniqueEmail("session");
    const [user] = await db.insert(users).values({ email, name: "Noor", passwordHash: "unused", isActive: true }).returning();
    expect(user!.lastLoginAt).toBeNull();
    const before = Date.now();
    const sessionId = await startSession(db, user!.id);
    const [after] = await userRows(email);
    expect(after!.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await findSessionUser(db, sessionId, user!.id)).toEqual({ name: "Noor", email });
  });
});

describe("mail to one address", () => {
  it("sends at most three activation mails an hour to one address, answering the same past that", async () => {
    const email = uniqueEmail("flood");
    const warnings = vi.spyOn(console, "error");
    try {
      const answers = [];
      for (let i = 0; i < 4; i++)
        answers.push(await register(i % 2 ? email.toUpperCase() : email, `Flooder ${i}`, `flood passphrase ${i}`));
      expect(answers).toEqual(Array.from({ length: 4 }, () => ({ sent: true })));
      expect(await resendActivation(await getDb(), email)).toEqual({ sent: true });
      expect(mailsTo(email)).toHaveLength(3);

      const capped = warnings.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('"mail.capped"'));
      expect(capped).toHaveLength(2);
      expect(capped[0]).toContain(`"to":"${email[0]}***@example.com"`);
      expect(capped.join("\n")).not.toContain(email);
    } finally {
      warnings.mockRestore();
    }
    // Each kind of mail, and each address, has an allowance of its own.
    await requestPasswordReset(await getDb(), email);
    expect(mailsTo(email)[0]!.subject).toBe("Reset your Pantry password");
    const neighbour = uniqueEmail("neighbour");
    await register(neighbour);
    expect(mailsTo(neighbour)).toHaveLength(1);
  });

  it("caps the mail to an active account's owner too", async () => {
    const email = uniqueEmail("owner");
    await register(email, "Owner");
    await confirm(activationTokenFor(email));
    for (let i = 0; i < 4; i++) expect(await register(email, "Prankster")).toEqual({ sent: true });
    expect(mailsTo(email).filter((mail) => mail.subject === "You already have a Pantry account")).toHaveLength(3);
  });

  it("keeps the name a registrant typed out of the activation mail", async () => {
    const email = uniqueEmail("phish");
    await register(email, "URGENT: verify at https://evil.example");
    const [mail] = mailsTo(email);
    for (const part of [mail!.text, mail!.html, mail!.subject]) {
      expect(part).not.toContain("evil.example");
      expect(part).not.toContain("URGENT");
    }
    expect(mail!.links.every((url) => url.startsWith("http://localhost:3000/"))).toBe(true);
  });
});
