import type { Metadata } from "next";
import { logoutOtherDevicesAction } from "./actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { requireUser } from "@/auth/user";
import { ChangeEmailForm } from "./change-email-form";
import { ChangeNameForm } from "./change-name-form";
import { ChangePasswordForm } from "./change-password-form";
import { DeleteAccountForm } from "./delete-account-form";

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
      <section aria-labelledby="name-heading" className="card">
        <h2 id="name-heading" className="mb-1 text-lg font-semibold">
          Your name
        </h2>
        <p className="mb-4 text-sm text-stone-700">Shown in the header and on the recipes you share.</p>
        <ChangeNameForm name={user.name} />
      </section>
      <section aria-labelledby="email-heading" className="card">
        <h2 id="email-heading" className="mb-1 text-lg font-semibold">
          Change your email address
        </h2>
        <p className="mb-4 text-sm text-stone-700">
          We mail a link to the new address; the change happens when you open it. Your current address is told, with a way to undo it.
        </p>
        <ChangeEmailForm />
      </section>
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
      <section aria-labelledby="delete-heading" className="card">
        <h2 id="delete-heading" className="mb-1 text-lg font-semibold">
          Delete your account
        </h2>
        <p className="mb-4 text-sm text-stone-700">
          Your recipes, your pantry and everything saved with the account are deleted, and every device is logged out. This cannot be
          undone.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
