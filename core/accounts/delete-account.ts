import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { recipes, users } from "@/infra/db/schema";
import { photoKeys, photoStore } from "@/core/photos/store";
import { removePostings } from "@/core/search/postings";
import { sendMail } from "@/infra/mail/send";
import { clearLoginFailures } from "@/infra/rate-limits";
import { checkPassword } from "./login";
import { AccountDeletedMail } from "./mail-templates";

export type AccountDeletion = { status: "deleted" } | { status: "wrong-password" } | { status: "locked"; retryAfterSeconds: number };

/**
 * Checked with a login's back-off. The user row's cascades take the recipes (and with them everything hanging off a
 * recipe, other people's saves of it included), the pantry, the saved recipes, the tokens and the sessions, so every
 * device is signed out at once; the recipes' photo objects are deleted here, and the search postings go first, through
 * removePostings, which lowers the ingredient counts the cascade would leave high. A goodbye mail goes to the address
 * after the commit.
 */
export async function deleteAccount(db: Db, user: { id: string; email: string }, currentPassword: string): Promise<AccountDeletion> {
  const check = await checkPassword(db, user.email, currentPassword);
  if (check.status === "locked") return check;
  if (check.status !== "ok" || check.user.id !== user.id) return { status: "wrong-password" };

  const deleted = await db.transaction(async (tx) => {
    const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    if (!row) return false;
    const own = await tx.select({ id: recipes.id, photo: recipes.photo }).from(recipes).where(eq(recipes.authorId, user.id)).for("update");
    for (const recipe of own) await removePostings(tx, recipe.id);
    // Photo objects hang off no foreign key: the cascade would leave them behind.
    await photoStore.delete(
      tx,
      own.flatMap((recipe) => photoKeys(recipe.photo)),
    );
    await tx.delete(users).where(eq(users.id, user.id));
    return true;
  });
  if (!deleted) return { status: "wrong-password" };

  await clearLoginFailures(check.user.email);
  await sendMail({
    to: check.user.email,
    subject: "Your Pantry account is deleted",
    body: AccountDeletedMail({ name: check.user.name }),
    tag: "account-deleted",
  });
  return { status: "deleted" };
}
