import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb } from "@/infra/db";
import { oneTimeTokens } from "@/infra/db/schema";
import { activateAccount, checkActivationToken } from "@/core/accounts/activation";
import { checkCredentials } from "@/core/accounts/login";
import { serverRegisterSchema } from "@/core/accounts/server-schemas";
import { activationTokenFor, mailsTo } from "@/tests/support/outbox";
import { PASSWORD, ATTACKER_PASSWORD, uniqueEmail, register, confirm, userRows, tokenRows } from "@/tests/support/accounts";

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
      const results = await Promise.all(
        racers.map((racer, i) => register(i === 0 ? email : email.toUpperCase(), racer.name, racer.password)),
      );
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
    const variants = Array.from({ length: 50 }, (_, i) =>
      i % 3 === 0 ? email.toUpperCase() : i % 3 === 1 ? email : email.replace(/^r/, "R"),
    );
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
