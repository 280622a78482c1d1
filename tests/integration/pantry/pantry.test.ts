import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addToPantry, listPantry, MAX_PANTRY_ITEMS, pantryCoverage, pantryNames, removeFromPantry } from "@/core/pantry/pantry";
import { pantryAddSchema, pantryRemoveSchema } from "@/core/pantry/schemas";
import { getDb } from "@/infra/db";
import { pantryItems, users } from "@/infra/db/schema";

let counter = 0;
async function newUser(): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ email: `pantry${++counter}-${Date.now()}@example.com`, name: "Cook", passwordHash: "x", isActive: true })
    .returning({ id: users.id });
  return row!.id;
}

describe("adding to a pantry", () => {
  it("stores each typed form once, under its canonical name", async () => {
    const db = await getDb();
    const user = await newUser();
    expect(await addToPantry(db, user, "Prawns, shrimp")).toEqual({ status: "added", added: ["prawn"], already: [] });
    expect(await listPantry(db, user)).toEqual([{ name: "prawn", aisle: "fish" }]);
  });

  it("resolves quantities, plurals and other names; lists by aisle in the shop's order, then by name; unknown food is 'other'", async () => {
    const db = await getDb();
    const user = await newUser();
    const result = await addToPantry(db, user, "2 chicken thighs; arugula,\nPrawns, , dragonfruit jam xyz, 3");
    expect(result).toEqual({ status: "added", added: ["chicken thigh", "rocket", "prawn", "dragonfruit jam xyz"], already: [] });
    expect(await listPantry(db, user)).toEqual([
      { name: "rocket", aisle: "produce" },
      { name: "chicken thigh", aisle: "meat" },
      { name: "prawn", aisle: "fish" },
      { name: "dragonfruit jam xyz", aisle: "other" },
    ]);
  });

  it("says what was already there and adds only the rest", async () => {
    const db = await getDb();
    const user = await newUser();
    await addToPantry(db, user, "rocket");
    expect(await addToPantry(db, user, "arugula, eggs")).toEqual({ status: "added", added: ["egg"], already: ["rocket"] });
    expect(await addToPantry(db, user, "Rocket")).toEqual({ status: "added", added: [], already: ["rocket"] });
    expect(await pantryNames(db, user)).toHaveLength(2);
  });

  it("adds nothing for text that names no ingredient", async () => {
    const db = await getDb();
    const user = await newUser();
    expect(await addToPantry(db, user, " , 2, ;")).toEqual({ status: "nothing" });
    expect(await listPantry(db, user)).toEqual([]);
  });

  it(`stops at ${MAX_PANTRY_ITEMS} items, all or nothing`, async () => {
    const db = await getDb();
    const user = await newUser();
    await db
      .insert(pantryItems)
      .values(Array.from({ length: MAX_PANTRY_ITEMS - 1 }, (_, index) => ({ userId: user, name: `food ${index}` })));
    expect(await addToPantry(db, user, "rocket, prawns")).toEqual({ status: "full", count: MAX_PANTRY_ITEMS - 1, max: MAX_PANTRY_ITEMS });
    expect(await pantryNames(db, user)).toHaveLength(MAX_PANTRY_ITEMS - 1);
    expect(await addToPantry(db, user, "rocket")).toMatchObject({ status: "added", added: ["rocket"] });
    // A name already there is no new item: a full pantry still answers it.
    expect(await addToPantry(db, user, "arugula")).toEqual({ status: "added", added: [], already: ["rocket"] });
    expect(await addToPantry(db, user, "prawns")).toMatchObject({ status: "full", count: MAX_PANTRY_ITEMS });
  });

  it("two adds at once from one account cannot pass the cap together", async () => {
    const db = await getDb();
    const user = await newUser();
    await db
      .insert(pantryItems)
      .values(Array.from({ length: MAX_PANTRY_ITEMS - 1 }, (_, index) => ({ userId: user, name: `food ${index}` })));
    const results = await Promise.all([addToPantry(db, user, "rocket"), addToPantry(db, user, "prawns")]);
    expect(results.map((result) => result.status).sort()).toEqual(["added", "full"]);
    expect(await pantryNames(db, user)).toHaveLength(MAX_PANTRY_ITEMS);
  });
});

describe("removing from a pantry", () => {
  it("removes the item; a name that is not there is false and changes nothing", async () => {
    const db = await getDb();
    const user = await newUser();
    await addToPantry(db, user, "rocket, prawns");
    expect(await removeFromPantry(db, user, "rocket")).toBe(true);
    expect(await removeFromPantry(db, user, "rocket")).toBe(false);
    expect(await removeFromPantry(db, user, "'; DROP TABLE pantry_items; --")).toBe(false);
    expect(await pantryNames(db, user)).toEqual(["prawn"]);
  });

  it("another user's pantry is untouched by adds and removes", async () => {
    const db = await getDb();
    const owner = await newUser();
    const other = await newUser();
    await addToPantry(db, owner, "rocket, prawns");
    await addToPantry(db, other, "rocket");
    expect(await removeFromPantry(db, other, "prawn")).toBe(false);
    expect(await removeFromPantry(db, other, "rocket")).toBe(true);
    expect(await pantryNames(db, owner)).toEqual(["rocket", "prawn"]);
    expect(await pantryNames(db, other)).toEqual([]);
  });

  it("goes with the account", async () => {
    const db = await getDb();
    const user = await newUser();
    await addToPantry(db, user, "rocket");
    await db.delete(users).where(eq(users.id, user));
    expect(await db.select().from(pantryItems).where(eq(pantryItems.userId, user))).toEqual([]);
  });
});

describe("pantry coverage of a recipe", () => {
  it("a pantry item covers itself and its kinds' kinds, not the other way round", () => {
    const covered = pantryCoverage(["chicken", "rocket"], ["chicken thigh", "rocket", "prawn", ""]);
    expect([...covered]).toEqual(["chicken thigh", "rocket"]);
    expect([...pantryCoverage(["chicken thigh"], ["chicken"])]).toEqual([]);
  });

  it("resolves a recipe name stored before the dictionary; an empty pantry covers nothing", () => {
    expect([...pantryCoverage(["prawn"], ["shrimp", "prawns"])]).toEqual(["shrimp", "prawns"]);
    expect(pantryCoverage([], ["prawn"]).size).toBe(0);
  });
});

describe("the pantry forms' schema", () => {
  it("refuses empty, oversized and sentence-long input with a message for the field", () => {
    const issue = (ingredients: unknown) => {
      const parsed = pantryAddSchema.safeParse({ ingredients });
      return parsed.success ? null : parsed.error.issues[0]!.message;
    };
    expect(issue("")).toBe("Type one or more ingredients, separated by commas.");
    expect(issue(" ,; ")).toBe("Type one or more ingredients, separated by commas.");
    expect(issue(undefined)).toBe("Type one or more ingredients, separated by commas.");
    expect(issue("a".repeat(1_001))).toBe("Use at most 1,000 characters.");
    expect(issue("a".repeat(101))).toContain("under 100 characters");
    expect(issue("chicken thighs, arugula")).toBeNull();
    expect(pantryAddSchema.parse({ ingredients: "  rocket\u0000 " })).toEqual({ ingredients: "rocket" });
  });

  it("a remove needs a name", () => {
    expect(pantryRemoveSchema.safeParse({}).success).toBe(false);
    expect(pantryRemoveSchema.safeParse({ name: "  " }).success).toBe(false);
    expect(pantryRemoveSchema.parse({ name: "rocket" })).toEqual({ name: "rocket" });
  });
});
