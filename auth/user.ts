import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { throwSwallowedError } from "@/infra/server/request-scope";
import { auth } from "./index";

/** Auth.js's JWT cookie: authjs.session-token, __Secure- prefixed over https, .0/.1… when chunked. */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export type SessionUser = { id: string; name: string; email: string };

/** The signed-in, active user and the session they use, or null; checked against the database. */
async function currentSession(): Promise<{ user: SessionUser; sessionId: string | undefined } | null> {
  // No session cookie, no session: a visitor's page skips Auth.js (which would mint a CSRF token).
  if (!(await cookies()).getAll().some((cookie) => SESSION_COOKIE.test(cookie.name))) return null;
  const session = await auth();
  // A session check that could not reach the database is an error, not a signed-out visitor.
  throwSwallowedError();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { user: { id: user.id, name: user.name ?? "", email: user.email }, sessionId: session?.sessionId };
}

export async function getUser(): Promise<SessionUser | null> {
  return (await currentSession())?.user ?? null;
}

/** Like getUser(), but sends a visitor to the login page and back to `returnTo` after it. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  return (await requireSession(returnTo)).user;
}

/** The user and the id of the session this browser uses (to end every other one). */
export async function requireSession(returnTo: string): Promise<{ user: SessionUser; sessionId: string | undefined }> {
  const session = await currentSession();
  if (!session) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}
