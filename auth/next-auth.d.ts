import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** The user_sessions row this cookie stands for (see core/accounts/sessions.ts). */
    sid?: string;
  }
}

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
}
