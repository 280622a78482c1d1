import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

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

/** One row per signed-in browser, checked on every request: logging out makes even a copied cookie useless. */
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
    /** The registration an activation token confirms: the account's name and password hash once used; cleared when used or retired. */
    name: text("name"),
    passwordHash: text("password_hash"),
  },
  (table) => [
    uniqueIndex("one_time_tokens_token_hash_key").on(table.tokenHash),
    index("one_time_tokens_user_purpose_idx").on(table.userId, table.purpose),
  ],
);

/** One line of a recipe's ingredient list, as written and as parsed (core/ingredients/parse-line.ts). */
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

/** Search postings, one row per (recipe, distinct name), written only by core/search/postings.ts, in the recipe's transaction. */
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
    /** One bit per name of the recipe (nameBit in core/search/postings.ts): the walk's first test, never a false negative. */
    signature: bigint("signature", { mode: "bigint" }).notNull(),
    /** The ingredient_stats ids of the recipe's names: the walk's exact test, inside the index scan. */
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

// Every ingredient name ever written (never deleted, so ids stay valid) and its recipe count. An account deletion's
// cascade leaves counts high, which can only cap a shown total too early.
export const ingredientStats = pgTable("ingredient_stats", {
  name: text("name").primaryKey(),
  recipeCount: integer("recipe_count").notNull(),
  id: integer("id").generatedByDefaultAsIdentity().notNull().unique("ingredient_stats_id_key"),
});

/** rate-limiter-flexible's PostgreSQL store (infra/rate-limits.ts), in its shape, so the migrations create it on both drivers. */
export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});

export type User = typeof users.$inferSelect;
export type Recipe = typeof recipes.$inferSelect;
export type OneTimeToken = typeof oneTimeTokens.$inferSelect;
