import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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
  },
  (table) => [
    uniqueIndex("one_time_tokens_token_hash_key").on(table.tokenHash),
    index("one_time_tokens_user_purpose_idx").on(table.userId, table.purpose),
  ],
);

export type User = typeof users.$inferSelect;
export type OneTimeToken = typeof oneTimeTokens.$inferSelect;
