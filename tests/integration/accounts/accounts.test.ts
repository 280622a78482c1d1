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
import { getDb } from "@/infra/db";
import { oneTimeTokens, users } from "@/infra/db/schema";
import { activateAccount, checkActivationToken } from "@/core/accounts/activation";
import { checkCredentials } from "@/core/accounts/login";
import { requestPasswordReset, resetPassword } from "@/core/accounts/password-reset";
import { registerAccount, resendActivation } from "@/core/accounts/register";
import { serverRegisterSchema } from "@/core/accounts/server-schemas";
import { activationTokenFor, mailsTo } from "@/tests/support/outbox";

const legacy = JSON.parse(readFileSync(new URL("../../fixtures/flask-legacy-hashes.json", import.meta.url), "utf8")) as {
  matching: { password: string; stored: string }[];
};

const PASSWORD = "plum tart on sunday";
const ATTACKER_PASSWORD = "the attacker's own passphrase";
let counter = 0;
const uniqueEmail = (prefix = "cook") => `${prefix}${++counter}-${Date.now()}@example.com`;

async function register(email: string, name = "Ada", password = PASSWORD) {
  return registerAccount(await getDb(), serverRegisterSchema.parse({ name, email, password }));
}

/** Confirms an activation link with the registration's password; the account, or null. */
async function confirm(token: string, password = PASSWORD) {
  const activation = await activateAccount(await getDb(), token, password);
  return activation.status === "activated" ? activation.user : null;
}

async function userRows(email: string) {
  const db = await getDb();
  return db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
}

async function tokenRows(email: string) {
  const [user] = await userRows(email);
  const db = await getDb();
  return db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, user!.id));
}

function resetTokenFor(address: string): string {
  const link = mailsTo(address)
    .flatMap((mail) => mail.links)
    .find((url) => url.includes("/reset-password/"));
  if (!link) throw new Error(`no reset link was mailed to ${address}`);
  return link.split("/reset-password/")[1]!;
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
    expect(mail!.text).toContain("Hello,");
    expect(mail!.text).not.toContain("Ada");
    expect(mail!.html).not.toContain("Ada");
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

  it("activates a pending address with the password of the registration whose link is confirmed, not an earlier registrant's", async () => {
    const email = uniqueEmail("victim");
    // The attacker registers the victim's address first, with a password of his own.
    await register(email, "Mallory", ATTACKER_PASSWORD);
    const attackerLink = activationTokenFor(email);
    const [pending] = await userRows(email);

    // The victim registers later, in another letter case: the same answer, still one account.
    expect(await register(email.toUpperCase(), "Victoria", PASSWORD)).toEqual({ sent: true });
    const rows = await userRows(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: pending!.id, email, name: "Victoria", isActive: false });
    expect(await checkCredentials(await getDb(), email, PASSWORD)).toEqual({ status: "inactive" });
    expect(await checkCredentials(await getDb(), email, ATTACKER_PASSWORD)).toEqual({ status: "invalid" });

    const victimLink = activationTokenFor(email);
    expect(victimLink).not.toBe(attackerLink);
    expect(mailsTo(email).map((mail) => mail.subject)).toEqual(["Confirm your account", "Confirm your account"]);

    // The attacker's earlier link is dead, even before the victim's is used.
    expect(await checkActivationToken(await getDb(), attackerLink)).toBeNull();
    expect(await confirm(attackerLink, ATTACKER_PASSWORD)).toBeNull();
    expect((await userRows(email))[0]!.isActive).toBe(false);

    expect(await checkActivationToken(await getDb(), victimLink)).toMatchObject({ email, name: "Victoria" });
    // Confirming needs the password of the registration the link carries.
    expect(await activateAccount(await getDb(), victimLink, ATTACKER_PASSWORD)).toEqual({ status: "wrong-password" });
    expect(await checkActivationToken(await getDb(), victimLink)).not.toBeNull();
    expect(await confirm(victimLink)).toMatchObject({ email, name: "Victoria", isActive: true });
    expect(await checkCredentials(await getDb(), email, ATTACKER_PASSWORD)).toEqual({ status: "invalid" });
    expect(await checkCredentials(await getDb(), email, PASSWORD)).toMatchObject({ status: "ok", user: { email, name: "Victoria" } });
    // Used and retired tokens keep no password hash.
    expect((await tokenRows(email)).every((token) => token.passwordHash === null && token.name === null)).toBe(true);
  });

  it("never lets the owner confirm a registration someone else made after hers: the link asks for its password", async () => {
    const email = uniqueEmail("later");
    await register(email, "Victoria", PASSWORD);
    await register(email, "Mallory", ATTACKER_PASSWORD);
    // The live link is the later registration's, mailed to her inbox: her password does not open it.
    const attackersLink = activationTokenFor(email);
    expect(await activateAccount(await getDb(), attackersLink, PASSWORD)).toEqual({ status: "wrong-password" });
    expect((await userRows(email))[0]!.isActive).toBe(false);
    // She registers again; her own newest link works, and only with her password.
    await register(email, "Victoria", PASSWORD);
    expect(await confirm(attackersLink, ATTACKER_PASSWORD)).toBeNull();
    expect(await confirm(activationTokenFor(email))).toMatchObject({ name: "Victoria", isActive: true });
    expect(await checkCredentials(await getDb(), email, ATTACKER_PASSWORD)).toEqual({ status: "invalid" });
  });

  it("makes the live link and the credentials it activates one registration's, when two registrations of an address race", async () => {
    for (let round = 0; round < 6; round++) {
      const email = uniqueEmail("pair");
      const racers = [0, 1].map((i) => ({ name: `Racer ${round}.${i}`, password: `racer passphrase ${round}.${i}` }));
      // Half the rounds race on a new address, half on one already pending.
      if (round % 2 === 1) await register(email, "Earlier", "an earlier passphrase");
      const results = await Promise.all(racers.map((racer, i) => register(i === 0 ? email : email.toUpperCase(), racer.name, racer.password)));
      expect(results).toEqual([{ sent: true }, { sent: true }]);

      const live = (await tokenRows(email)).filter((token) => token.usedAt === null);
      expect(live).toHaveLength(1);
      const [row] = await userRows(email);
      // The live token carries the registration the account row holds.
      expect(live[0]).toMatchObject({ name: row!.name, passwordHash: row!.passwordHash });

      const links = mailsTo(email)
        .flatMap((mail) => mail.links)
        .filter((url) => url.includes("/activate/"))
        .map((url) => url.split("/activate/")[1]!);
      const working = [];
      for (const link of links) if (await checkActivationToken(await getDb(), link)) working.push(link);
      expect(working).toHaveLength(1);

      const outcomes = [];
      for (const racer of racers) outcomes.push(await activateAccount(await getDb(), working[0]!, racer.password));
      const activated = outcomes.flatMap((outcome) => (outcome.status === "activated" ? [outcome.user] : []));
      expect(activated).toHaveLength(1);
      const winner = racers.find((racer) => racer.name === activated[0]!.name)!;
      const loser = racers.find((racer) => racer !== winner)!;
      expect(await checkCredentials(await getDb(), email, winner.password)).toMatchObject({ status: "ok", user: { name: winner.name } });
      expect(await checkCredentials(await getDb(), email, loser.password)).toEqual({ status: "invalid" });
    }
  });

  it("tells the owner of an active account that it exists, with a login link, and changes nothing", async () => {
    const email = uniqueEmail();
    await register(email, "Grace");
    await confirm(activationTokenFor(email));
    const [before] = await userRows(email);
    const tokensBefore = await tokenRows(email);

    expect(await register(email.toUpperCase(), "Someone else", ATTACKER_PASSWORD)).toEqual({ sent: true });
    const [latest] = mailsTo(email);
    expect(latest!.subject).toBe("You already have a Pantry account");
    expect(latest!.links).toContain("http://localhost:3000/login");
    expect(latest!.links.some((url) => url.includes("/activate/"))).toBe(false);
    expect((await userRows(email))[0]).toEqual(before);
    expect(await tokenRows(email)).toEqual(tokensBefore);
    expect(await checkCredentials(await getDb(), email, ATTACKER_PASSWORD)).toEqual({ status: "invalid" });
    expect(await checkCredentials(await getDb(), email, PASSWORD)).toMatchObject({ status: "ok", user: { name: "Grace" } });
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
    expect(await checkActivationToken(await getDb(), token)).toMatchObject({ email, isActive: false });
    expect(await confirm(token)).toMatchObject({ email, isActive: true });
    expect(await confirm(token)).toBeNull();
    expect(await checkActivationToken(await getDb(), token)).toBeNull();
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
    expect(await confirm(activationTokenFor(email), "a second registration passphrase")).toMatchObject({ name: "Linus Again", isActive: true });
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
    expect(await resetPassword(await getDb(), resetTokenFor(email), "a password chosen by reset")).toBe(true);
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
    expect(after!.lastLoginAt).toBeInstanceOf(Date);
    expect(await checkCredentials(await getDb(), email, vector.password)).toMatchObject({ status: "ok" });
  });
});

describe("mail to one address", () => {
  it("sends at most three activation mails an hour to one address, answering the same past that", async () => {
    const email = uniqueEmail("flood");
    const warnings = vi.spyOn(console, "error");
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await register(i % 2 ? email.toUpperCase() : email, `Flooder ${i}`, `flood passphrase ${i}`));
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
