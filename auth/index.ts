import NextAuth from "next-auth";
import { findSessionUser, revokeSession, startSession } from "@/core/accounts/sessions";
import { getDb } from "@/infra/db";
import { authConfig } from "./config";
import { activationProvider, failingLoudly, passwordProvider } from "./providers";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [passwordProvider, activationProvider],
  events: {
    // Every sign-out revokes the server-side session, so no copy of the cookie opens it afterwards.
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (typeof sessionId === "string") await revokeSession(await getDb(), sessionId);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    // In Node, every session is checked against the database: a revoked or expired session, or a
    // deactivated account, is refused even with a valid cookie. The name and address come from the
    // same read, so a rename or a confirmed address change shows on the next request.
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      const { sub, sid } = token;
      const userId = params.user?.id;
      if (userId) {
        token.sid = await failingLoudly(async () => startSession(await getDb(), userId));
        return token;
      }
      if (!sub || !sid) return null;
      const current = await failingLoudly(async () => findSessionUser(await getDb(), sid, sub));
      if (!current) return null;
      token.name = current.name;
      token.email = current.email;
      return token;
    },
    session(params) {
      const session = authConfig.callbacks.session(params);
      session.sessionId = params.token.sid;
      return session;
    },
  },
});
