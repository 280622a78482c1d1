import "server-only";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { activateAccount } from "@/core/accounts/activation";
import { checkCredentials } from "@/core/accounts/login";
import { getDb } from "@/infra/db";
import { keepSwallowedError } from "@/infra/server/request-scope";
import { reportOutcome } from "./outcome";

/** An unexpected error is kept for the caller of Auth.js to throw (Auth.js would swallow it); a refusal (CredentialsSignin) goes on as Auth.js expects. */
export async function failingLoudly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) keepSwallowedError(error);
    throw error;
  }
}

const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

/** The back-off, failure count and inactive-account check live in checkCredentials, which every login goes through. */
export const passwordProvider = Credentials({
  id: "credentials",
  credentials: { email: {}, password: {} },
  authorize: (credentials) =>
    failingLoudly(async () => {
      const login = await checkCredentials(await getDb(), text(credentials.email, 254), text(credentials.password, 1024));
      reportOutcome({ login });
      return login.status === "ok" ? { id: login.user.id, name: login.user.name, email: login.user.email } : null;
    }),
});

/** Confirming an activation link, with the password chosen at registration, signs the person in. */
export const activationProvider = Credentials({
  id: "activation",
  credentials: { token: {}, password: {} },
  authorize: (credentials) =>
    failingLoudly(async () => {
      const activation = await activateAccount(await getDb(), text(credentials.token, 256), text(credentials.password, 1024));
      reportOutcome({ activation });
      return activation.status === "activated"
        ? { id: activation.user.id, name: activation.user.name, email: activation.user.email }
        : null;
    }),
});
