import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { getDb } from "@/db";
import { activateAccount } from "@/lib/accounts/activate";
import { checkCredentials } from "@/lib/accounts/login";
import { loginSchema } from "@/lib/accounts/schemas";
import { findUserById } from "@/lib/accounts/users";

/** The password was right but the address was never confirmed. */
export class InactiveAccountError extends CredentialsSignin {
  code = "inactive";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await checkCredentials(parsed.data.email, parsed.data.password);
        if (result.status === "inactive") throw new InactiveAccountError();
        if (result.status !== "ok") return null;
        return { id: result.user.id, name: result.user.name, email: result.user.email };
      },
    }),
    // Following a valid activation link signs the person in, as in the original app.
    Credentials({
      id: "activation",
      credentials: { token: {} },
      async authorize(credentials) {
        const token = typeof credentials.token === "string" ? credentials.token : "";
        const user = await activateAccount(token);
        return user ? { id: user.id, name: user.name, email: user.email } : null;
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // On the server (not the edge), every session is checked against the database: a deleted or
    // deactivated account loses its session at once.
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user || !token.sub) return token;
      const user = await findUserById(await getDb(), token.sub);
      if (!user?.isActive) return null;
      token.name = user.name;
      return token;
    },
  },
});
