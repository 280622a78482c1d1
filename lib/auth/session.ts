import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { throwSwallowedError } from "@/lib/server/request-scope";

/** Auth.js's JWT cookie: authjs.session-token, __Secure- prefixed over https, .0/.1… when chunked. */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export type SessionUser = { id: string; name: string; email: string };

/** The signed-in, active user, or null. Checked against the database on every call (see auth.ts). */
export async function getUser(): Promise<SessionUser | null> {
  // No session cookie, no session: a visitor's page skips Auth.js (which would mint a CSRF token).
  if (!(await cookies()).getAll().some((cookie) => SESSION_COOKIE.test(cookie.name))) return null;
  const session = await auth();
  // A session check that could not reach the database is an error, not a signed-out visitor.
  throwSwallowedError();
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
