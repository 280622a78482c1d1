import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getUser } from "@/auth/user";
import { readKeptAddress } from "@/web/flash/flash";
import { safeCallbackPath } from "@/web/safe-redirect";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  if (await getUser()) redirect(destination);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">Log in</h1>
      <div className="card">
        <LoginForm callbackUrl={destination} email={await readKeptAddress()} />
      </div>
      <p className="mt-4 text-sm text-stone-700">
        <Link href="/forgot-password" className="link">
          Forgot your password?
        </Link>{" "}
        · New here?{" "}
        <Link href="/register" className="link">
          Create an account
        </Link>
        .
      </p>
    </div>
  );
}
