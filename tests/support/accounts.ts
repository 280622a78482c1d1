import { eq, sql } from "drizzle-orm";
import { activateAccount } from "@/core/accounts/activation";
import { registerAccount } from "@/core/accounts/register";
import { serverRegisterSchema } from "@/core/accounts/server-schemas";
import { getDb } from "@/infra/db";
import { oneTimeTokens, users } from "@/infra/db/schema";
import { mailsTo } from "@/tests/support/outbox";

export const PASSWORD = "plum tart on sunday";
export const ATTACKER_PASSWORD = "the attacker's own passphrase";
let counter = 0;
export const uniqueEmail = (prefix = "cook") => `${prefix}${++counter}-${Date.now()}@example.com`;

export async function register(email: string, name = "Ada", password = PASSWORD) {
  return registerAccount(await getDb(), serverRegisterSchema.parse({ name, email, password }));
}

/** Confirms an activation link with the registration's password; the account, or null. */
export async function confirm(token: string, password = PASSWORD) {
  const activation = await activateAccount(await getDb(), token, password);
  return activation.status === "activated" ? activation.user : null;
}

export async function userRows(email: string) {
  const db = await getDb();
  return db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
}

export async function tokenRows(email: string) {
  const [user] = await userRows(email);
  const db = await getDb();
  return db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, user!.id));
}

export function resetTokenFor(address: string): string {
  const link = mailsTo(address)
    .flatMap((mail) => mail.links)
    .find((url) => url.includes("/reset-password/"));
  if (!link) throw new Error(`no reset link was mailed to ${address}`);
  return link.split("/reset-password/")[1]!;
}
