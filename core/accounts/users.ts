import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { users } from "@/infra/db/schema";

/** What the rest of the app may know about a user: never the password hash. */
export type PublicUser = { id: string; name: string; email: string; isActive: boolean };

const publicColumns = { id: users.id, name: users.name, email: users.email, isActive: users.isActive };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findUserById(db: Db, id: string): Promise<PublicUser | null> {
  if (!UUID_PATTERN.test(id)) return null;
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<PublicUser | null> {
  const [row] = await db
    .select(publicColumns)
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row ?? null;
}

export async function findCredentialsByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ ...publicColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row ?? null;
}
