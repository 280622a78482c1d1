import type { NextAuthConfig } from "next-auth";
import { SESSION_MAX_AGE_SECONDS } from "@/core/accounts/session-lifetime";
import { authSecret, isProduction, siteOrigin } from "@/infra/env";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

// Auth.js builds its absolute URLs from AUTH_URL, else from the request's URL, which names Next's
// bind address (https://localhost:PORT behind a proxy).
if (process.env.APP_URL && !process.env.AUTH_URL) process.env.AUTH_URL = siteOrigin;

/** The Edge-safe half of the Auth.js configuration (no database, no node:crypto), for the middleware; auth/index.ts adds the rest. */
export const authConfig = {
  secret: authSecret,
  // Behind Heroku's router and Vercel's edge the Host header is the site's; links in mail never
  // use it (they come from APP_URL).
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  useSecureCookies: isProduction,
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    // The token carries id, name and email only: never the password hash.
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.name = user.name;
        token.email = user.email;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    // A failed login is an expected answer, not an error worth a stack trace in the log.
    error(error) {
      // `type`, not `name`: the production build minifies class names ("CredentialsSignin" → "j").
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(
        JSON.stringify({ time: new Date().toISOString(), level: "error", event: "auth.error", name: error.name, message: error.message }),
      );
    },
  },
} satisfies NextAuthConfig;
