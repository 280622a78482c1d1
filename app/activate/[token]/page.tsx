import type { Metadata } from "next";
import Link from "next/link";
import { checkActivationToken, isConfirmedActivationLink } from "@/core/accounts/activation";
import { getDb } from "@/infra/db";
import { ResendActivationForm } from "../resend-form";
import { ConfirmActivationForm } from "./confirm-form";

// "same-origin", not "no-referrer": browsers send `Origin: null` with a form post from a no-referrer page,
// which Next rightly refuses as cross-site. The page loads nothing from other origins.
export const metadata: Metadata = { title: "Confirm your account", referrer: "same-origin" };

/** Opening the link changes nothing (mail scanners open links too); the POST behind it checks the registration's password and activates. */
export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const user = await checkActivationToken(db, decodeURIComponent(token));

  if (!user && (await isConfirmedActivationLink(db, decodeURIComponent(token)))) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-2 text-2xl font-bold">Your account is already confirmed</h1>
        <p className="mb-6 text-stone-700" data-testid="activation-confirmed">
          This link did its work: the account is ready. Log in with your address and password.
        </p>
        <Link href="/login" className="btn-primary">
          Log in
        </Link>
      </div>
    );
  }

  if (!user) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-2 text-2xl font-bold">This link does not work</h1>
        <p className="mb-6 text-stone-700" data-testid="activation-invalid">
          It has already been used, has expired, or was copied incompletely. Ask for a new one and use the newest mail.
        </p>
        <div className="card">
          <ResendActivationForm />
        </div>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Confirm your account</h1>
      <p className="mb-6 text-stone-700">
        Enter your password to confirm the account for <strong>{user.email}</strong>. Only the person who registered knows it, so a link
        from someone else&rsquo;s registration cannot give them your address.
      </p>
      <div className="card">
        <ConfirmActivationForm token={token} />
      </div>
    </div>
  );
}
