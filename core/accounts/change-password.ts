import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/infra/db";
import { users } from "@/infra/db/schema";
import { hashPassword } from "@/core/passwords/hash";
import { revokeUserSessions } from "./sessions";
import { env } from "@/infra/env";
import { checkPassword } from "./login";

export type ChangePasswordResult = { status: "changed" } | { status: "wrong-password" } | { status: "locked"; retryAfterSeconds: number };

/** Checked with a login's back-off. Every other session of the user ends; `keepSessionId` stays signed in. */
export async function changePassword(
  db: Db,
  user: { id: string; email: string },
  currentPassword: string,
  newPassword: string,
  keepSessionId: string | undefined,
): Promise<ChangePasswordResult> {
  const check = await checkPassword(db, user.email, currentPassword);
  if (check.status === "locked") return check;
  if (check.status !== "ok" || check.user.id !== user.id) return { status: "wrong-password" };
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(newPassword, env.PASSWORD_ITERATIONS) })
    .where(eq(users.id, user.id));
  await revokeUserSessions(db, user.id, keepSessionId);
  return { status: "changed" };
}
