import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/auth";

export type SessionUser = { id: string; name: string; email: string };

/** The signed-in, active user, or null. Checked against the database on every call (see auth.ts). */
export async function getUser(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, name: user.name ?? "", email: user.email };
}

/** Like getUser(), but sends a visitor to the login page and back to `returnTo` after it. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
