import { describe, expect, it } from "vitest";
import { getDb } from "@/infra/db";
import { users } from "@/infra/db/schema";
import { changePassword } from "@/core/accounts/change-password";
import { checkCredentials } from "@/core/accounts/login";
import { hashPassword } from "@/core/passwords/hash";
import { loginLock } from "@/infra/rate-limits";

// checkCredentials is what Auth.js's Credentials provider calls, whatever route reaches it:
// the back-off must hold there, not only in the login form's action.

const PASSWORD = "plum tart on sunday";
let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}${++counter}-${Date.now()}@example.com`;

async function activeUser(email: string) {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ email, name: "Ada", passwordHash: await hashPassword(PASSWORD, 20_000), isActive: true })
    .returning({ id: users.id, email: users.email });
  return row!;
}

describe("the login back-off inside the credential check", () => {
  it("pauses an account after five wrong passwords: even the right one is then refused", async () => {
    const email = uniqueEmail("victim");
    await activeUser(email);
    for (let i = 0; i < 5; i++) expect(await checkCredentials(await getDb(), email, `wrong guess ${i}`)).toEqual({ status: "invalid" });
    const locked = await checkCredentials(await getDb(), email, PASSWORD);
    expect(locked).toMatchObject({ status: "locked" });
    expect(locked.status === "locked" && locked.retryAfterSeconds).toBeGreaterThan(0);
    expect((await loginLock(email)).allowed).toBe(false);
  });

  it("counts guesses at an unknown address the same way, so a lock says nothing about existence", async () => {
    const email = uniqueEmail("nobody");
    for (let i = 0; i < 5; i++) await checkCredentials(await getDb(), email, `wrong guess ${i}`);
    expect(await checkCredentials(await getDb(), email, PASSWORD)).toMatchObject({ status: "locked" });
  });

  it("starts the account afresh after a successful login", async () => {
    const email = uniqueEmail("forgetful");
    await activeUser(email);
    for (let i = 0; i < 4; i++) await checkCredentials(await getDb(), email, `wrong guess ${i}`);
    expect(await checkCredentials(await getDb(), email, PASSWORD)).toMatchObject({ status: "ok" });
    for (let i = 0; i < 4; i++) await checkCredentials(await getDb(), email, `wrong again ${i}`);
    expect(await checkCredentials(await getDb(), email, PASSWORD)).toMatchObject({ status: "ok" });
  });

  it("applies to the current-password check of a password change too", async () => {
    const email = uniqueEmail("changer");
    const user = await activeUser(email);
    for (let i = 0; i < 5; i++)
      expect(await changePassword(await getDb(), user, `wrong guess ${i}`, "a new long passphrase", undefined)).toEqual({
        status: "wrong-password",
      });
    expect(await changePassword(await getDb(), user, PASSWORD, "a new long passphrase", undefined)).toMatchObject({ status: "locked" });
    expect(await checkCredentials(await getDb(), email, PASSWORD)).toMatchObject({ status: "locked" });
  });
});
