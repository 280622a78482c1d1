import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** The user_sessions row this cookie stands for (see lib/auth/sessions.ts). */
    sid?: string;
  }
}

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
}
