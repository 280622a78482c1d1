import { readFileSync } from "node:fs";
import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/infra/db";
import { recipes, users } from "@/infra/db/schema";
import { activateAccount } from "@/core/accounts/activation";
import { checkCredentials } from "@/core/accounts/login";
import { resendActivation } from "@/core/accounts/register";
import { searchRecipes } from "@/core/search/search";
import {
  FlaskExportError,
  formatImportReport,
  importFlaskExport,
  parseFlaskExport,
  type FlaskExport,
  type ImportReport,
} from "@/scripts/flask/import";
import { activationTokenFor, mailsTo } from "@/tests/support/outbox";

// The example export; its "about" text gives the passwords of its users.
const raw = JSON.parse(readFileSync(new URL("../../fixtures/flask-export.json", import.meta.url), "utf8")) as {
  users: { password: string }[];
};
const fixture = parseFlaskExport(raw);

async function snapshot() {
  const db = await getDb();
  return {
    users: await db.select().from(users).orderBy(asc(users.email)),
    recipes: await db.select().from(recipes).orderBy(asc(recipes.id)),
  };
}

async function userByEmail(email: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

const clone = (data: FlaskExport): FlaskExport => structuredClone(data);

describe("import of the Flask export", () => {
  let first: ImportReport;
  let afterFirst: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    first = await importFlaskExport(await getDb(), fixture);
    afterFirst = await snapshot();
  });

  it("creates each address once, with its recipes, and says why it skipped the case-variant duplicate", () => {
    expect(first.usersCreated).toBe(3);
    expect(first.recipesCreated).toBe(3);
    expect(first.recipesSkipped).toEqual([]);
    expect(first.usersSkipped).toEqual([
      { index: 3, id: 4, login: "b***@example.com", reason: expect.stringMatching(/same address as users\[0\] in another letter case/) },
    ]);
    expect(afterFirst.users.map((user) => [user.email, user.name, user.isActive])).toEqual([
      ["ana@example.com", "Ana", true],
      ["bruno@example.com", "Bruno", true],
      ["zoe.inactive@example.com", "Zoë", false],
    ]);
    const summary = formatImportReport(first);
    expect(summary).toContain("Users created: 3, skipped: 1");
    expect(summary).toContain("Recipes created: 3");
    // The report can end up in a log: no full address in it.
    expect(summary).not.toMatch(/bruno@example\.com/i);
  });

  it("stores the recipes as written, under their author, with the ingredient names search uses", async () => {
    const bruno = await userByEmail("bruno@example.com");
    const own = afterFirst.recipes.filter((recipe) => recipe.authorId === bruno!.id);
    expect(own.map((recipe) => recipe.title).sort()).toEqual(["Garlic butter mushrooms", "Tomato and basil bruschetta"]);
    const bruschetta = own.find((recipe) => recipe.title.startsWith("Tomato"))!;
    expect(bruschetta.ingredients.map((ingredient) => ingredient.line)).toEqual(fixture.users[0]!.recipes[0]!.ingredients);
    expect(bruschetta.ingredientNames).toEqual(expect.arrayContaining(["tomato", "basil", "garlic"]));
    expect(bruschetta.steps).toEqual(fixture.users[0]!.recipes[0]!.instructions);
    // Markup is kept as text (React escapes it when shown), not cleaned into something else.
    expect(afterFirst.recipes.map((recipe) => recipe.title)).toContain("Lemon rice <script>alert(1)</script>");
  });

  it("makes the imported recipes findable by their ingredients", async () => {
    const { results } = await searchRecipes(await getDb(), { ingredients: ["mushroom", "butter"] });
    expect(results[0]).toMatchObject({ title: "Garlic butter mushrooms", used: ["mushroom", "butter"] });
  });

  it("changes nothing when run a second time, and says what it skipped", async () => {
    const second = await importFlaskExport(await getDb(), fixture);
    expect(second.usersCreated).toBe(0);
    expect(second.recipesCreated).toBe(0);
    expect(second.usersSkipped).toHaveLength(4);
    expect(second.usersSkipped.filter((user) => /already exists/.test(user.reason))).toHaveLength(3);
    expect(second.recipesSkipped).toHaveLength(3);
    expect(second.recipesSkipped.every((recipe) => /already has a recipe with this title/.test(recipe.reason))).toBe(true);
    expect(await snapshot()).toEqual(afterFirst);
  });

  it("never touches an account that already had the address, in any letter case", async () => {
    const data = clone(fixture);
    data.users = [
      {
        ...data.users[1]!,
        login: "ANA@Example.COM",
        username: "Impostor",
        password: raw.users[0]!.password,
        is_active: false,
        recipes: [],
      },
    ];
    const report = await importFlaskExport(await getDb(), data);
    expect(report.usersCreated).toBe(0);
    expect(report.usersSkipped[0]!.reason).toMatch(/already exists/);
    expect(await userByEmail("ana@example.com")).toEqual(afterFirst.users.find((user) => user.email === "ana@example.com"));
  });

  it("lets an imported user log in with the old password, then stores the hash in the current format", async () => {
    const before = await userByEmail("bruno@example.com");
    expect(before!.passwordHash).toBe(raw.users[0]!.password);
    expect(await checkCredentials(await getDb(), "bruno@example.com", "wrong password")).toEqual({ status: "invalid" });
    // The duplicate's hash was not imported: bruno's own password is the one that works.
    expect(await checkCredentials(await getDb(), "Bruno@Example.com", "bruno123")).toMatchObject({
      status: "ok",
      user: { email: "bruno@example.com", name: "Bruno" },
    });
    const after = await userByEmail("bruno@example.com");
    expect(after!.passwordHash).toMatch(/^pbkdf2_sha512\$20000\$/);
    expect(after!.passwordHash).not.toContain(raw.users[0]!.password.slice(0, 64));
    expect(await checkCredentials(await getDb(), "bruno@example.com", "bruno123")).toMatchObject({ status: "ok" });
    expect(await checkCredentials(await getDb(), "ana@example.com", "correct horse battery staple")).toMatchObject({ status: "ok" });
  });

  it("keeps an inactive user inactive; they can ask for a new activation link and then log in", async () => {
    const email = "zoe.inactive@example.com";
    expect(await checkCredentials(await getDb(), email, "pässwörd ✓ 🍅")).toEqual({ status: "inactive" });
    await resendActivation(await getDb(), "Zoe.Inactive@Example.com");
    expect(mailsTo(email)[0]!.subject).toBe("Confirm your account");
    expect(await activateAccount(await getDb(), activationTokenFor(email), "pässwörd ✓ 🍅")).toMatchObject({
      status: "activated",
      user: { email, isActive: true },
    });
    expect(await checkCredentials(await getDb(), email, "pässwörd ✓ 🍅")).toMatchObject({ status: "ok", user: { name: "Zoë" } });
  });
});

describe("recipe field limits", () => {
  const user = (login: string, recipeList: FlaskExport["users"][number]["recipes"]): FlaskExport => ({
    users: [{ login, username: "Limits", password: fixture.users[0]!.password, is_active: true, recipes: recipeList }],
  });

  it("shortens an over-long title or line and reports it; skips a recipe Pantry cannot hold, saying why", async () => {
    const longTitle = `Soup ${"very ".repeat(40)}good`;
    const report = await importFlaskExport(
      await getDb(),
      user("limits@example.com", [
        { title: longTitle, ingredients: ["1 leek", `2 potatoes, ${"peeled and diced ".repeat(20)}`], instructions: ["Simmer."] },
        { title: "Too many ingredients", ingredients: Array.from({ length: 61 }, (_, i) => `${i + 1} g salt`), instructions: ["Mix."] },
        { title: "No steps", ingredients: ["1 egg"], instructions: ["   "] },
        { title: "   ", ingredients: ["1 egg"], instructions: ["Boil."] },
      ]),
    );
    expect(report.recipesCreated).toBe(1);
    expect(report.recipesTruncated).toEqual([
      {
        user: "l***@example.com",
        title: expect.stringMatching(/^Soup very/),
        reason: "title cut to 120 characters; ingredient line cut to 200 characters",
      },
    ]);
    expect(report.recipesSkipped.map((recipe) => [recipe.title, recipe.reason])).toEqual([
      ["Too many ingredients", "Use at most 60 ingredients."],
      ["No steps", "Add at least 1 step."],
      ["(no title)", "Give the recipe a title."],
    ]);
    const db = await getDb();
    const [soup] = await db.select().from(recipes).where(eq(recipes.title, report.recipesTruncated[0]!.title));
    expect(soup!.title).toHaveLength(120);
    expect(soup!.ingredients[1]!.line.length).toBeLessThanOrEqual(200);
    expect(soup!.ingredients[1]!.line).toMatch(/^2 potatoes, peeled and diced peeled/);
  });
});

describe("a malformed export", () => {
  it("is refused before anything is written, naming each offending field", async () => {
    const bad = structuredClone(raw) as unknown as { users: Record<string, unknown>[] };
    bad.users[1]!.password = "plain text password";
    delete bad.users[2]!.is_active;
    expect(() => parseFlaskExport(bad)).toThrow(FlaskExportError);
    expect(() => parseFlaskExport(bad)).toThrow(/users\[1\]\.password: is not a Flask password hash[\s\S]*users\[2\]\.is_active/);
    expect(() => parseFlaskExport({ accounts: [] })).toThrow(/users:/);
    expect(() => parseFlaskExport([])).toThrow(FlaskExportError);
  });

  it("rolls back the users already written when a later row fails", async () => {
    const before = await snapshot();
    const data = clone(fixture);
    data.users = [
      { ...data.users[0]!, login: "rollback-first@example.com", recipes: [] },
      // Not something the schema lets through: stands for any failure half-way through.
      {
        ...data.users[1]!,
        login: "rollback-second@example.com",
        recipes: [{ title: "Broken", ingredients: [42 as unknown as string], instructions: ["x"] }],
      },
    ];
    await expect(importFlaskExport(await getDb(), data)).rejects.toThrow();
    expect(await userByEmail("rollback-first@example.com")).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });
});
