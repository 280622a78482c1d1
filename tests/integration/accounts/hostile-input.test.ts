import { describe, expect, it } from "vitest";
import { getDb } from "@/infra/db";
import { loginSchema, registerSchema, emailOnlySchema, changePasswordSchema } from "@/core/accounts/schemas";
import { serverRegisterSchema } from "@/core/accounts/server-schemas";
import { checkCredentials } from "@/core/accounts/login";
import { registerAccount } from "@/core/accounts/register";
import { findUserByEmail } from "@/core/accounts/users";
import { parseIngredientQuery } from "@/core/ingredients/query";
import { createRecipe, getRecipe } from "@/core/recipes/queries";
import { recipeFormSchema } from "@/core/recipes/schemas";
import { searchRecipes } from "@/core/search/search";
import { hostileInputs } from "@/tests/fixtures/hostile-inputs";

const validRecipe = {
  title: "Soup",
  summary: "",
  ingredients: "1 onion",
  steps: "Cook.",
  servings: "2",
  prepMinutes: "5",
  cookMinutes: "10",
};
const FIELDS = Object.keys(validRecipe) as (keyof typeof validRecipe)[];

describe("hostile input never breaks a form or the database", () => {
  it(`has at least 200 inputs (${hostileInputs.length})`, () => {
    expect(hostileInputs.length).toBeGreaterThanOrEqual(200);
  });

  it("every schema either accepts a value or explains, without throwing", () => {
    for (const payload of hostileInputs) {
      for (const schema of [registerSchema, loginSchema, emailOnlySchema, changePasswordSchema]) {
        const result = schema.safeParse({ name: payload, email: payload, password: payload, currentPassword: payload });
        if (!result.success) expect(result.error.issues.every((issue) => issue.message.length > 0)).toBe(true);
      }
      for (const field of FIELDS) {
        const result = recipeFormSchema.safeParse({ ...validRecipe, [field]: payload });
        if (!result.success) expect(result.error.issues[0]!.message).toMatch(/[A-Z]/);
      }
    }
  });

  it("stores accepted recipe text exactly as parsed, on this database driver", async () => {
    const db = await getDb();
    let stored = 0;
    for (const payload of hostileInputs) {
      for (const field of ["title", "summary", "ingredients", "steps"] as const) {
        const parsed = recipeFormSchema.safeParse({ ...validRecipe, [field]: payload });
        if (!parsed.success) continue;
        const id = await createRecipe(db, null, parsed.data);
        const recipe = (await getRecipe(db, id))!;
        expect(recipe.title).toBe(parsed.data.title);
        expect(recipe.summary).toBe(parsed.data.summary);
        expect(recipe.steps).toEqual(parsed.data.steps);
        expect(recipe.ingredients.map((ingredient) => ingredient.line)).toEqual(parsed.data.ingredients);
        stored++;
      }
    }
    expect(stored).toBeGreaterThan(200);
    // Some two hundred recipes, each written with its postings: a correctness test, given room on a busy machine.
  }, 120_000);

  it("searches for any typed text without an error", async () => {
    const db = await getDb();
    for (const payload of hostileInputs) {
      const terms = parseIngredientQuery(payload);
      expect(terms.length).toBeLessThanOrEqual(12);
      await expect(searchRecipes(db, { ingredients: terms, page: 3 })).resolves.toMatchObject({ page: 3 });
    }
  });

  it("checks any address typed at login without a database error (the same answer as a wrong password)", async () => {
    for (const payload of hostileInputs.filter((_, index) => index % 5 === 0)) {
      const parsed = loginSchema.safeParse({ email: payload, password: "not the password" });
      if (!parsed.success) continue;
      await expect(checkCredentials(await getDb(), parsed.data.email, parsed.data.password)).resolves.toEqual({ status: "invalid" });
    }
  });

  it("registers a hostile but valid name exactly as given, and refuses control characters silently", async () => {
    const names = hostileInputs.filter((payload) => payload.length <= 100).slice(0, 40);
    let registered = 0;
    for (const [index, name] of names.entries()) {
      const parsed = serverRegisterSchema.safeParse({
        name,
        email: `hostile-${index}-${Date.now()}@example.com`,
        password: "a long enough passphrase",
      });
      if (!parsed.success) continue;
      await registerAccount(await getDb(), parsed.data);
      const user = await findUserByEmail(await getDb(), parsed.data.email);
      expect(user?.name).toBe(parsed.data.name);
      expect(user?.name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      registered++;
    }
    expect(registered).toBeGreaterThan(20);
  });
});
