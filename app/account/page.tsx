import type { Metadata } from "next";
import { logoutOtherDevicesAction } from "./actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { requireUser } from "@/auth/user";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="mx-auto max-w-md space-y-8">
      <div>
        <h1 className="mb-1 text-2xl font-bold">Your account</h1>
        <p className="text-stone-700">
          {user.name} · {user.email}
        </p>
      </div>
      <section aria-labelledby="password-heading" className="card">
        <h2 id="password-heading" className="mb-1 text-lg font-semibold">
          Change your password
        </h2>
        <p className="mb-4 text-sm text-stone-700">Every other device signed in to your account is logged out; this one stays signed in.</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="devices-heading" className="card">
        <h2 id="devices-heading" className="mb-1 text-lg font-semibold">
          Other devices
        </h2>
        <p className="mb-4 text-sm text-stone-700">Signed in on a shared or lost device? End every session but this one.</p>
        <form action={logoutOtherDevicesAction}>
          <SubmitButton className="btn-secondary" pendingLabel="Logging out…">
            Log out my other devices
          </SubmitButton>
        </form>
      </section>
    </div>
  );
}
