import { sql } from "drizzle-orm";
import {
  bigint,
  customType,
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

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// Raw bytes: postgres.js and PGlite both hand a bytea back as a Uint8Array (a Buffer on postgres.js).
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

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

export const tokenPurpose = pgEnum("token_purpose", ["activation", "password_reset", "email_change", "email_undo"]);

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
    /** The address an email_change token moves the account to, or the one an email_undo token restores. */
    email: text("email"),
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
  /** The canonical ingredient (core/ingredients/dictionary), or the normalised name when the dictionary does not know it; "" for a heading such as "For the sauce:". */
  name: string;
};

/** A recipe's photo: its id (a new one for every upload, so its addresses can be cached for ever), the widths stored, and the largest one's size. */
export type RecipePhoto = {
  id: string;
  widths: number[];
  width: number;
  height: number;
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
    /** The uploaded photo (core/photos), or null: the recipe shows a placeholder. */
    photo: jsonb("photo").$type<RecipePhoto>(),
    /** The distinct names of ingredient lines (canonical where the dictionary knows them). */
    ingredientNames: text("ingredient_names").array().notNull(),
    /** The diet facts of its ingredients and their kinds, one bit per DIET_FACTS entry. */
    dietFlags: integer("diet_flags").notNull().default(0),
    /** The title's words for "search by name"; English stemming, so "lasagnes" finds "Lasagne". */
    titleSearch: tsvector("title_search")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english', title)`),
    /** Bumped by every edit, so a save based on an older version is noticed instead of overwriting. */
    version: integer("version").notNull().default(1),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (table) => [
    index("recipes_ingredient_names_idx").using("gin", table.ingredientNames),
    index("recipes_newest_idx").on(table.createdAt.desc(), table.id.desc()),
    index("recipes_author_idx").on(table.authorId, table.updatedAt.desc()),
    index("recipes_title_search_idx").using("gin", table.titleSearch),
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
    /** The ingredient_stats ids of the recipe's names and their kinds, ascending: the walk's exact test, inside the index scan. */
    nameIds: integer("name_ids").array().notNull(),
    /** Per name_ids entry, how many of the recipe's ingredients it covers: non-staple ones in the low byte, all in the next (coverPacking in core/search/postings.ts). */
    nameCovers: integer("name_covers")
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    /** The recipe's diet facts (recipes.diet_flags), so diet filters run inside the index scan. */
    dietFlags: integer("diet_flags").notNull().default(0),
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
      table.nameCovers,
      table.dietFlags,
    ),
  ],
);

// Every ingredient name ever written (never deleted, so ids stay valid) and its recipe count. An account deletion's
// cascade leaves counts high, which can only cap a shown total too early.
export const ingredientStats = pgTable("ingredient_stats", {
  name: text("name").primaryKey(),
  recipeCount: integer("recipe_count").notNull(),
  id: integer("id").generatedByDefaultAsIdentity().notNull().unique("ingredient_stats_id_key"),
  /** The most ingredients of one recipe this name has covered (only grows): bounds the walk where a kind covers several. */
  maxCovers: integer("max_covers").notNull().default(1),
});

/** The dictionary as loaded by syncDictionary (core/ingredients/dictionary/sync.ts) from the data files, for SQL. */
export const ingredients = pgTable("ingredients", {
  name: text("name").primaryKey(),
  plural: text("plural").notNull(),
  kind: text("kind"),
  aisle: text("aisle").notNull(),
  staple: boolean("staple").notNull().default(false),
  dietFlags: integer("diet_flags").notNull().default(0),
  /** Itself, then its kinds up to the most general. */
  lineage: text("lineage").array().notNull(),
});

/** One row: the DICTIONARY_VERSION the stored recipes were resolved with. */
export const dictionaryState = pgTable("dictionary_state", {
  id: integer("id").primaryKey().default(1),
  version: text("version").notNull(),
  syncedAt: timestamptz("synced_at").notNull().defaultNow(),
});

/** What a signed-in cook has at home: canonical ingredient names (or normalised ones the dictionary does not know). */
export const pantryItems = pgTable(
  "pantry_items",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    addedAt: timestamptz("added_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "pantry_items_pkey", columns: [table.userId, table.name] })],
);

/** A recipe a signed-in cook saved to find again under "Saved"; goes with the account or the recipe. */
export const savedRecipes = pgTable(
  "saved_recipes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    recipeId: integer("recipe_id")
      .notNull()
      .references(() => recipes.id, { onDelete: "cascade" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: "saved_recipes_pkey", columns: [table.userId, table.recipeId] }),
    // The "Saved" page lists newest first; a recipe's deletion finds its rows by recipe_id.
    index("saved_recipes_user_newest_idx").on(table.userId, table.createdAt.desc()),
    index("saved_recipes_recipe_idx").on(table.recipeId),
  ],
);

/** Stored images behind core/photos/store.ts (one row per size of a photo): the deployments have no lasting disk. */
export const photoObjects = pgTable("photo_objects", {
  key: text("key").primaryKey(),
  contentType: text("content_type").notNull(),
  bytes: bytea("bytes").notNull(),
  etag: text("etag").notNull(),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
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
