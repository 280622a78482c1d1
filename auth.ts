import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { activateAccount } from "@/lib/accounts/activate";
import { checkCredentials } from "@/lib/accounts/login";
import { loginSchema } from "@/lib/accounts/schemas";
import { findSessionUser, revokeSession, startSession } from "@/lib/auth/sessions";
import { keepSwallowedError } from "@/lib/server/request-scope";

/** The password was right but the address was never confirmed. */
export class InactiveAccountError extends CredentialsSignin {
  code = "inactive";
}

/** The activation link is good, but the password is not the one its registration chose. */
export class WrongActivationPasswordError extends CredentialsSignin {
  code = "wrong-password";
}

/** Logins to the account are paused after repeated failures; the password was not even checked. */
export class LockedAccountError extends CredentialsSignin {
  code = "locked";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * Runs a callback's own work; an unexpected error is kept for the caller of Auth.js to throw
 * (Auth.js would swallow it), while a refusal (CredentialsSignin) goes on as Auth.js expects.
 */
async function failingLoudly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) keepSwallowedError(error);
    throw error;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      authorize: (credentials) =>
        failingLoudly(async () => {
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) return null;
          // The back-off and the failure count live in checkCredentials, so no entry point skips them.
          const result = await checkCredentials(parsed.data.email, parsed.data.password);
          if (result.status === "inactive") throw new InactiveAccountError();
          if (result.status === "locked") throw new LockedAccountError(result.retryAfterSeconds);
          if (result.status !== "ok") return null;
          return { id: result.user.id, name: result.user.name, email: result.user.email };
        }),
    }),
    // Confirming an activation link, with the password chosen at registration, signs the person in.
    Credentials({
      id: "activation",
      credentials: { token: {}, password: {} },
      authorize: (credentials) =>
        failingLoudly(async () => {
          const text = (value: unknown) => (typeof value === "string" ? value : "");
          const activation = await activateAccount(text(credentials.token), text(credentials.password).slice(0, 1024));
          if (activation.status === "wrong-password") throw new WrongActivationPasswordError();
          if (activation.status !== "activated") return null;
          return { id: activation.user.id, name: activation.user.name, email: activation.user.email };
        }),
    }),
  ],
  events: {
    // Every sign-out ends the server-side session first: a copy of the cookie, or one re-sent by a
    // request still in flight, no longer opens it.
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (typeof sessionId === "string") await revokeSession(sessionId);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    // On the server (not the edge), every session is checked against the database: a logged-out,
    // revoked or expired session, or a deactivated account, is refused even with a valid cookie.
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      const { sub, sid } = token;
      const userId = params.user?.id;
      if (userId) {
        token.sid = await failingLoudly(() => startSession(userId));
        return token;
      }
      if (!sub || !sid) return null;
      const current = await failingLoudly(() => findSessionUser(sid, sub));
      if (!current) return null;
      token.name = current.name;
      return token;
    },
    session(params) {
      const session = authConfig.callbacks.session(params);
      session.sessionId = params.token.sid;
      return session;
    },
  },
});
