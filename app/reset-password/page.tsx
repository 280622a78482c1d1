import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { checkResetToken } from "@/core/accounts/password-reset";
import { getDb } from "@/infra/db";
import { RESET_COOKIE } from "@/web/reset-cookie";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage() {
  const token = (await cookies()).get(RESET_COOKIE)?.value;
  const user = token ? await checkResetToken(await getDb(), token) : null;
  if (!user) {
    return (
      <div className="card mx-auto max-w-md">
        <h1 className="mb-2 text-2xl font-bold">This reset link does not work</h1>
        <p className="mb-4 text-stone-700" data-testid="reset-invalid">
          It has expired (links work for one hour), was already used, or a newer one was sent since.
        </p>
        <Link href="/forgot-password" className="btn-primary">
          Ask for a new link
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Choose a new password</h1>
      <p className="mb-6 text-stone-700">For {user.email}. Every device signed in to the account will be logged out.</p>
      <div className="card">
        <ResetPasswordForm />
      </div>
    </div>
  );
}
