import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { users } from "@/infra/db/schema";

/** Renames the user's own active account; the next request's session reads the new name (auth/index.ts). */
export async function changeName(db: Db, userId: string, name: string): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ name })
    .where(and(eq(users.id, userId), eq(users.isActive, true)))
    .returning({ id: users.id });
  return changed.length > 0;
}
