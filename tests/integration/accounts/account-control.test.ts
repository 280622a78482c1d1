import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows } from "@/infra/db";
import { oneTimeTokens, pantryItems, recipeIngredients, recipes, userSessions } from "@/infra/db/schema";
import { checkCredentials } from "@/core/accounts/login";
import { deleteAccount } from "@/core/accounts/delete-account";
import { checkEmailChangeToken, confirmEmailChange, requestEmailChange, undoEmailChange } from "@/core/accounts/email-change";
import { changeName } from "@/core/accounts/profile";
import { changeEmailSchema, changeNameSchema, deleteAccountSchema, linkTokenSchema } from "@/core/accounts/schemas";
import { findSessionUser, startSession } from "@/core/accounts/sessions";
import { requestPasswordReset } from "@/core/accounts/password-reset";
import { checkResetToken } from "@/core/accounts/password-reset";
import { addToPantry } from "@/core/pantry/pantry";
import { createRecipe } from "@/core/recipes/queries";
import { recipeFormSchema } from "@/core/recipes/schemas";
import { searchRecipes } from "@/core/search/search";
import { hostileInputs } from "@/tests/fixtures/hostile-inputs";
import { activationTokenFor, mailsTo } from "@/tests/support/outbox";
import { PASSWORD, confirm, register, resetTokenFor, uniqueEmail, userRows } from "@/tests/support/accounts";

async function activeAccount(prefix = "cook", name = "Ada") {
  const email = uniqueEmail(prefix);
  await register(email, name);
  const user = await confirm(activationTokenFor(email));
  return { id: user!.id, email, name };
}

/** The token of the newest link to `path` mailed to `address`. */
function linkToken(address: string, path: string): string {
  const link = mailsTo(address)
    .flatMap((mail) => mail.links)
    .find((url) => url.startsWith(`http://localhost:3000${path}`));
  if (!link) throw new Error(`no ${path} link was mailed to ${address}`);
  return link.slice(`http://localhost:3000${path}`.length);
}

const recipeInput = (title: string, lines: string[]) =>
  recipeFormSchema.parse({
    title,
    summary: "",
    ingredients: lines.join("\n"),
    steps: "Cook.",
    servings: "2",
    prepMinutes: "0",
    cookMinutes: "0",
  });

describe("changing the name", () => {
  it("renames the account, and the session's next read carries the new name", async () => {
    const db = await getDb();
    const user = await activeAccount();
    const sessionId = await startSession(db, user.id);
    expect(await changeName(db, user.id, "Ada King")).toBe(true);
    expect((await userRows(user.email))[0]!.name).toBe("Ada King");
    expect(await findSessionUser(db, sessionId, user.id)).toEqual({ name: "Ada King", email: user.email });
  });
});

describe("changing the email address", () => {
  it("changes nothing until the link mailed to the new address is used; then the old address is told and the new one logs in", async () => {
    const db = await getDb();
    const user = await activeAccount("before");
    const sessionId = await startSession(db, user.id);
    const newEmail = uniqueEmail("after");

    expect(await requestEmailChange(db, user, PASSWORD, newEmail.toUpperCase())).toEqual({ status: "sent", mail: { sent: true } });
    expect((await userRows(user.email))[0]!.email).toBe(user.email);
    expect(await checkCredentials(db, newEmail, PASSWORD)).toEqual({ status: "invalid" });

    const [mail] = mailsTo(newEmail);
    expect(mail!.subject).toBe("Confirm your new address");
    // The unconfirmed address learns neither the account's name nor its current address.
    expect(mail!.text).not.toContain(user.name);
    expect(mail!.text).not.toContain(user.email);
    const token = linkToken(newEmail, "/email/confirm/");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, user.id));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await checkEmailChangeToken(db, token)).toEqual({ newEmail });
    expect(mailsTo(user.email).some((sent) => sent.subject === "Your Pantry address was changed")).toBe(false);

    expect(await confirmEmailChange(db, token)).toEqual({ status: "changed", email: newEmail });
    expect(await userRows(user.email)).toEqual([]);
    expect((await userRows(newEmail))[0]).toMatchObject({ id: user.id, email: newEmail });
    expect(await checkCredentials(db, newEmail, PASSWORD)).toMatchObject({ status: "ok", user: { id: user.id, email: newEmail } });
    expect(await checkCredentials(db, user.email, PASSWORD)).toEqual({ status: "invalid" });
    // This browser stays signed in, and its session reads the new address.
    expect(await findSessionUser(db, sessionId, user.id)).toEqual({ name: user.name, email: newEmail });

    const [notice] = mailsTo(user.email);
    expect(notice!.subject).toBe("Your Pantry address was changed");
    expect(notice!.text).toContain(newEmail);
    expect(notice!.links.some((link) => link.startsWith("http://localhost:3000/email/restore/"))).toBe(true);
  });

  it("uses a link once, and refuses an expired, a made-up or a replaced one", async () => {
    const db = await getDb();
    const user = await activeAccount();
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await requestEmailChange(db, user, PASSWORD, first);
    const replaced = linkToken(first, "/email/confirm/");
    await requestEmailChange(db, user, PASSWORD, second);
    const live = linkToken(second, "/email/confirm/");

    expect(await confirmEmailChange(db, replaced)).toEqual({ status: "invalid" });
    expect(await confirmEmailChange(db, "A".repeat(43))).toEqual({ status: "invalid" });
    expect(await confirmEmailChange(db, "not a token")).toEqual({ status: "invalid" });
    expect((await userRows(user.email))[0]!.email).toBe(user.email);

    await db
      .update(oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(oneTimeTokens.userId, user.id), eq(oneTimeTokens.purpose, "email_change")));
    expect(await checkEmailChangeToken(db, live)).toBeNull();
    expect(await confirmEmailChange(db, live)).toEqual({ status: "invalid" });
    expect((await userRows(user.email))[0]!.email).toBe(user.email);

    const third = uniqueEmail("third");
    await requestEmailChange(db, user, PASSWORD, third);
    const token = linkToken(third, "/email/confirm/");
    expect(await confirmEmailChange(db, token)).toEqual({ status: "changed", email: third });
    expect(await confirmEmailChange(db, token)).toEqual({ status: "invalid" });
    expect((await userRows(third))[0]!.id).toBe(user.id);
  });

  it("asks for the current password, with a login's back-off, and changes and mails nothing without it", async () => {
    const db = await getDb();
    const user = await activeAccount();
    const newEmail = uniqueEmail("wanted");
    expect(await requestEmailChange(db, user, "not my password", newEmail)).toEqual({ status: "wrong-password" });
    expect(mailsTo(newEmail)).toEqual([]);
    expect(await requestEmailChange(db, user, PASSWORD, user.email)).toEqual({ status: "same" });
    for (let i = 0; i < 5; i++) await requestEmailChange(db, user, "still not it", newEmail);
    expect(await requestEmailChange(db, user, PASSWORD, newEmail)).toMatchObject({ status: "locked" });
    expect(mailsTo(newEmail)).toEqual([]);
    expect((await userRows(user.email))[0]!.email).toBe(user.email);
  });

  it("answers the same for an address that has an account, changes no account, and sends that address a notice without a link", async () => {
    const db = await getDb();
    const user = await activeAccount("mover");
    const owner = await activeAccount("owner", "Grace");
    const ownerBefore = (await userRows(owner.email))[0];

    expect(await requestEmailChange(db, user, PASSWORD, owner.email)).toEqual({ status: "sent", mail: { sent: true } });
    const [notice] = mailsTo(owner.email);
    expect(notice!.subject).toBe("This address already has a Pantry account");
    expect(notice!.links.some((link) => link.includes("/email/"))).toBe(false);
    expect(notice!.text).not.toContain(user.email);
    const pending = await db
      .select()
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.userId, user.id), eq(oneTimeTokens.purpose, "email_change")));
    expect(pending).toEqual([]);
    expect((await userRows(user.email))[0]!.email).toBe(user.email);
    expect((await userRows(owner.email))[0]).toEqual(ownerBefore);
  });

  it("refuses a confirmation when the address was registered meanwhile", async () => {
    const db = await getDb();
    const user = await activeAccount();
    const newEmail = uniqueEmail("raced");
    await requestEmailChange(db, user, PASSWORD, newEmail);
    const token = linkToken(newEmail, "/email/confirm/");
    await register(newEmail, "Someone else");
    expect(await confirmEmailChange(db, token)).toEqual({ status: "taken" });
    expect((await userRows(user.email))[0]!.email).toBe(user.email);
    expect((await userRows(newEmail))[0]!.name).toBe("Someone else");
  });

  it("retires reset links mailed to the old address once the change is confirmed", async () => {
    const db = await getDb();
    const user = await activeAccount();
    await requestPasswordReset(db, user.email);
    const reset = resetTokenFor(user.email);
    const newEmail = uniqueEmail("moved");
    await requestEmailChange(db, user, PASSWORD, newEmail);
    await confirmEmailChange(db, linkToken(newEmail, "/email/confirm/"));
    expect(await checkResetToken(db, reset)).toBeNull();
  });
});

describe("undoing an address change", () => {
  it("restores the old address from its mail, ends every session, and works once", async () => {
    const db = await getDb();
    const user = await activeAccount("owner");
    const sessions = [await startSession(db, user.id), await startSession(db, user.id)];
    const taken = uniqueEmail("taker");
    await requestEmailChange(db, user, PASSWORD, taken);
    await confirmEmailChange(db, linkToken(taken, "/email/confirm/"));
    const undo = linkToken(user.email, "/email/restore/");

    expect(await undoEmailChange(db, undo)).toEqual({ status: "restored", email: user.email });
    expect((await userRows(user.email))[0]!.id).toBe(user.id);
    expect(await userRows(taken)).toEqual([]);
    for (const sessionId of sessions) expect(await findSessionUser(db, sessionId, user.id)).toBeNull();
    expect(await checkCredentials(db, user.email, PASSWORD)).toMatchObject({ status: "ok" });
    expect(await undoEmailChange(db, undo)).toEqual({ status: "invalid" });
    expect(await undoEmailChange(db, "B".repeat(43))).toEqual({ status: "invalid" });
  });

  it("keeps the first owner's link good through a second change, and voids the later address's link when it is used", async () => {
    const db = await getDb();
    const user = await activeAccount("original");
    const firstTaker = uniqueEmail("taker1");
    const secondTaker = uniqueEmail("taker2");
    await requestEmailChange(db, user, PASSWORD, firstTaker);
    await confirmEmailChange(db, linkToken(firstTaker, "/email/confirm/"));
    await requestEmailChange(db, { id: user.id, email: firstTaker }, PASSWORD, secondTaker);
    await confirmEmailChange(db, linkToken(secondTaker, "/email/confirm/"));
    const ownersUndo = linkToken(user.email, "/email/restore/");
    const takersUndo = linkToken(firstTaker, "/email/restore/");

    expect(await undoEmailChange(db, ownersUndo)).toEqual({ status: "restored", email: user.email });
    expect(await undoEmailChange(db, takersUndo)).toEqual({ status: "invalid" });
    expect((await userRows(user.email))[0]!.id).toBe(user.id);
  });

  it("expires after seven days", async () => {
    const db = await getDb();
    const user = await activeAccount();
    const newEmail = uniqueEmail("later");
    await requestEmailChange(db, user, PASSWORD, newEmail);
    await confirmEmailChange(db, linkToken(newEmail, "/email/confirm/"));
    const [undoRow] = await db
      .select()
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.userId, user.id), eq(oneTimeTokens.purpose, "email_undo")));
    const days = (undoRow!.expiresAt.getTime() - undoRow!.createdAt.getTime()) / 86_400_000;
    expect(days).toBe(7);
    await db
      .update(oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(oneTimeTokens.id, undoRow!.id));
    expect(await undoEmailChange(db, linkToken(user.email, "/email/restore/"))).toEqual({ status: "invalid" });
    expect((await userRows(newEmail))[0]!.id).toBe(user.id);
  });
});

describe("deleting an account", () => {
  async function cookWithEverything(prefix: string, title: string) {
    const db = await getDb();
    const user = await activeAccount(prefix);
    const recipeId = await createRecipe(db, user.id, recipeInput(title, ["2 parsnips", "1 quince"]));
    await addToPantry(db, user.id, "parsnip, quince");
    const sessionId = await startSession(db, user.id);
    await requestPasswordReset(db, user.email);
    return { ...user, recipeId, sessionId };
  }

  const countOf = async (query: ReturnType<typeof sql>) => Number(rows<{ n: number }>(await (await getDb()).execute(query))[0]!.n);
  const everythingOf = async (userId: string, recipeId: number) => ({
    recipes: await countOf(sql`SELECT count(*) AS n FROM ${recipes} WHERE author_id = ${userId}`),
    postings: await countOf(sql`SELECT count(*) AS n FROM ${recipeIngredients} WHERE recipe_id = ${recipeId}`),
    pantry: await countOf(sql`SELECT count(*) AS n FROM ${pantryItems} WHERE user_id = ${userId}`),
    tokens: await countOf(sql`SELECT count(*) AS n FROM ${oneTimeTokens} WHERE user_id = ${userId}`),
    sessions: await countOf(sql`SELECT count(*) AS n FROM ${userSessions} WHERE user_id = ${userId}`),
  });

  it("with the wrong password deletes nothing", async () => {
    const db = await getDb();
    const cook = await cookWithEverything("keeper", "Parsnip and quince bake");
    const before = await everythingOf(cook.id, cook.recipeId);
    expect(await deleteAccount(db, cook, "not my password")).toEqual({ status: "wrong-password" });
    expect(await everythingOf(cook.id, cook.recipeId)).toEqual(before);
    expect(before).toMatchObject({ recipes: 1, pantry: 2, sessions: 1 });
    expect(before.postings).toBeGreaterThan(0);
    expect(mailsTo(cook.email).some((mail) => mail.subject === "Your Pantry account is deleted")).toBe(false);
  });

  it("removes everything of that account and nothing of another's, signs every device out and says goodbye", async () => {
    const db = await getDb();
    const leaving = await cookWithEverything("leaving", "Leaving parsnip stew");
    const staying = await cookWithEverything("staying", "Staying parsnip stew");
    const stayingBefore = await everythingOf(staying.id, staying.recipeId);

    expect(await deleteAccount(db, leaving, PASSWORD)).toEqual({ status: "deleted" });

    expect(await userRows(leaving.email)).toEqual([]);
    expect(await everythingOf(leaving.id, leaving.recipeId)).toEqual({ recipes: 0, postings: 0, pantry: 0, tokens: 0, sessions: 0 });
    expect(await findSessionUser(db, leaving.sessionId, leaving.id)).toBeNull();
    expect(await checkCredentials(db, leaving.email, PASSWORD)).toEqual({ status: "invalid" });
    const found = (await searchRecipes(db, { ingredients: ["parsnip", "quince"] })).results.map((recipe) => recipe.id);
    expect(found).toContain(staying.recipeId);
    expect(found).not.toContain(leaving.recipeId);

    expect(await everythingOf(staying.id, staying.recipeId)).toEqual(stayingBefore);
    expect(await findSessionUser(db, staying.sessionId, staying.id)).not.toBeNull();

    const [goodbye] = mailsTo(leaving.email);
    expect(goodbye!.subject).toBe("Your Pantry account is deleted");
    expect(goodbye!.links).toEqual([]);
  });

  it("refuses a password that is right for another account", async () => {
    const db = await getDb();
    const one = await cookWithEverything("one", "One parsnip pie");
    const other = await activeAccount("other");
    expect(await deleteAccount(db, { id: one.id, email: other.email }, PASSWORD)).toEqual({ status: "wrong-password" });
    expect((await userRows(one.email)).length).toBe(1);
    expect((await userRows(other.email)).length).toBe(1);
  });
});

describe("hostile input on the account forms and links", () => {
  it("every account-control schema accepts a value or explains it, and no link token breaks a lookup", async () => {
    const db = await getDb();
    for (const payload of hostileInputs) {
      for (const schema of [changeNameSchema, changeEmailSchema, deleteAccountSchema, linkTokenSchema]) {
        const result = schema.safeParse({ name: payload, email: payload, currentPassword: payload, confirm: payload, token: payload });
        if (!result.success) expect(result.error.issues.every((issue) => issue.message.length > 0)).toBe(true);
      }
    }
    for (const payload of hostileInputs.slice(0, 40)) {
      expect(await confirmEmailChange(db, payload)).toEqual({ status: "invalid" });
      expect(await undoEmailChange(db, payload)).toEqual({ status: "invalid" });
    }
    expect(deleteAccountSchema.safeParse({ currentPassword: PASSWORD, confirm: "on" }).success).toBe(false);
    expect(deleteAccountSchema.safeParse({ currentPassword: PASSWORD, confirm: "yes" }).success).toBe(true);
  });
});
