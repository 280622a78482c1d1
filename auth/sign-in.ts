import "server-only";
import { AuthError } from "next-auth";
import type { Activation } from "@/core/accounts/activation";
import { revokeSession } from "@/core/accounts/sessions";
import type { LoginCheck } from "@/core/accounts/login";
import { getDb } from "@/infra/db";
import { throwSwallowedError } from "@/infra/server/request-scope";
import { auth, signIn, signOut } from "./index";
import { recordingOutcome, type Outcome } from "./outcome";

/** What the provider found: a refusal is an answer; any other error (even one Auth.js swallowed) is thrown. */
async function signInWith(provider: "credentials" | "activation", fields: Record<string, string>): Promise<Outcome> {
  const outcome: Outcome = {};
  try {
    await recordingOutcome(outcome, () => signIn(provider, { ...fields, redirect: false }));
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    throwSwallowedError();
    // The credentials were right, yet no session was made: an error, not a refusal.
    if (outcome.login?.status === "ok" || outcome.activation?.status === "activated") throw error;
  }
  return outcome;
}

/** Signs in with email and password: the session cookie is set when the answer is "ok". */
export async function signInWithPassword(email: string, password: string): Promise<LoginCheck> {
  return (await signInWith("credentials", { email, password })).login ?? { status: "invalid" };
}

/** Uses an activation link with the registration's password, and signs in when "activated". */
export async function signInWithActivation(token: string, password: string): Promise<Activation> {
  return (await signInWith("activation", { token, password })).activation ?? { status: "invalid" };
}

/** The server-side session ends first: without the database the logout fails (503) and keeps the cookie, rather than clear it while a copy still opens the account. */
export async function signOutHere(): Promise<void> {
  const session = await auth();
  throwSwallowedError();
  if (session?.sessionId) await revokeSession(await getDb(), session.sessionId);
  await signOut({ redirect: false });
}
