import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored trimmed and lower-cased; the unique index on lower(email) guards every other path too. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    isActive: boolean("is_active").notNull().default(false),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    activatedAt: timestamptz("activated_at"),
    lastLoginAt: timestamptz("last_login_at"),
  },
  (table) => [uniqueIndex("users_email_lower_key").on(sql`lower(${table.email})`)],
);

/**
 * One row per signed-in browser. The JWT cookie carries the row's id; the server checks it on
 * every request, so logging out (or changing the password) makes even a copied cookie useless.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    revokedAt: timestamptz("revoked_at"),
  },
  (table) => [index("user_sessions_user_idx").on(table.userId)],
);

export const tokenPurpose = pgEnum("token_purpose", ["activation", "password_reset"]);

/** One-time tokens: only the SHA-256 of the token is stored, never the token itself. */
export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    /**
     * An activation token carries the registration it confirms: the name and password hash that
     * become the account's when this link is used. Cleared once the token is used or retired.
     */
    name: text("name"),
    passwordHash: text("password_hash"),
  },
  (table) => [
    uniqueIndex("one_time_tokens_token_hash_key").on(table.tokenHash),
    index("one_time_tokens_user_purpose_idx").on(table.userId, table.purpose),
  ],
);

/** One line of a recipe's ingredient list, as written and as parsed (core/ingredients/ingredients.ts). */
export type RecipeIngredient = {
  line: string;
  quantity: number | null;
  quantity2: number | null;
  unit: string | null;
  /** Normalised name used for search ("" for a heading such as "For the sauce:"). */
  name: string;
};

export const recipes = pgTable(
  "recipes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** null for the built-in catalogue. */
    authorId: uuid("author_id").references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    ingredients: jsonb("ingredients").$type<RecipeIngredient[]>().notNull(),
    steps: jsonb("steps").$type<string[]>().notNull(),
    servings: integer("servings").notNull(),
    prepMinutes: integer("prep_minutes").notNull().default(0),
    cookMinutes: integer("cook_minutes").notNull().default(0),
    imageUrl: text("image_url"),
    /** The distinct normalised ingredient names, for search (GIN-indexed). */
    ingredientNames: text("ingredient_names").array().notNull(),
    /** Bumped by every edit, so a save based on an older version is noticed instead of overwriting. */
    version: integer("version").notNull().default(1),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (table) => [
    index("recipes_ingredient_names_idx").using("gin", table.ingredientNames),
    index("recipes_newest_idx").on(table.createdAt.desc(), table.id.desc()),
    index("recipes_author_idx").on(table.authorId, table.updatedAt.desc()),
  ],
);

/**
 * Search postings: one row per (recipe, distinct ingredient name), written only by
 * core/search/postings.ts in the same transaction as the recipe. The search index orders each
 * name's recipes by how many non-staple ingredients they have, then by id (newest first): the
 * ranking order, so a search can walk a few lists and stop at the 20th hit instead of ranking
 * every candidate (core/search/search.ts).
 */
export const recipeIngredients = pgTable(
  "recipe_ingredients",
  {
    recipeId: integer("recipe_id")
      .notNull()
      .references(() => recipes.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** How many distinct ingredient names the recipe has (what is missing when staples count). */
    ingredientCount: integer("ingredient_count").notNull(),
    /** The same without pantry staples (what is missing when staples are assumed). */
    nonstapleCount: integer("nonstaple_count").notNull(),
    /**
     * One bit per name of the recipe (bit = first byte of md5(name) mod 64, see
     * core/search/postings.ts): lets the walk skip, inside the index, recipes that cannot have
     * enough of the typed names, before the exact check.
     */
    signature: bigint("signature", { mode: "bigint" }).notNull(),
    /**
     * The ingredient_stats ids of all the recipe's names: the exact check of "which typed names
     * does it have", done inside the index scan once the signature lets a row through, so the
     * walk never visits other rows to rank a candidate.
     */
    nameIds: integer("name_ids").array().notNull(),
  },
  (table) => [
    // Also serves "which of these names does recipe X have" and the delete of a recipe's rows.
    primaryKey({ name: "recipe_ingredients_pkey", columns: [table.recipeId, table.name] }),
    // ingredient_count, signature and name_ids are trailing keys so the walk is index-only.
    index("recipe_ingredients_walk_idx").on(
      table.name,
      table.nonstapleCount,
      table.recipeId.desc(),
      table.ingredientCount,
      table.signature,
      table.nameIds,
    ),
  ],
);

/**
 * Every ingredient name ever written, with its id (what recipe_ingredients.name_ids holds; a row
 * is never deleted, so ids stay valid) and how many recipes use it. The count tells the search
 * which typed name is rarest and whether a total must be capped; core/search/postings.ts keeps it
 * in the transaction that writes the postings. Recipes removed by the cascade of an account
 * deletion leave it high: only the total shown to the person can then be capped too early.
 */
export const ingredientStats = pgTable("ingredient_stats", {
  name: text("name").primaryKey(),
  recipeCount: integer("recipe_count").notNull(),
  id: integer("id").generatedByDefaultAsIdentity().notNull().unique("ingredient_stats_id_key"),
});

/**
 * Counters of rate-limiter-flexible's PostgreSQL store (infra/rate-limits.ts), in the shape
 * that library expects; kept here so one set of migrations creates it on both drivers and the
 * limits hold across every app instance sharing the database.
 */
export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});

export type User = typeof users.$inferSelect;
export type Recipe = typeof recipes.$inferSelect;
export type OneTimeToken = typeof oneTimeTokens.$inferSelect;
