import type { Metadata } from "next";
import { checkEmailChangeToken } from "@/core/accounts/email-change";
import { getDb } from "@/infra/db";
import { confirmEmailChangeAction } from "../../actions";
import { LinkButtonForm } from "../../link-button-form";

// "same-origin", not "no-referrer": a form post from a no-referrer page carries `Origin: null`, which Next refuses.
export const metadata: Metadata = { title: "Confirm your new address", referrer: "same-origin" };

export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const pending = await checkEmailChangeToken(await getDb(), token);
  if (!pending) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-2 text-2xl font-bold">This link does not work</h1>
        <p className="text-stone-700" data-testid="email-link-invalid">
          It has already been used, has expired, or a newer one was sent since. Ask again from your account page and use the newest mail.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Confirm your new address</h1>
      <p className="mb-6 text-stone-700">
        Your Pantry account will use <strong>{pending.newEmail}</strong>: you log in with it, and mail goes there. Your old address is told,
        with a way to undo the change.
      </p>
      <div className="card">
        <LinkButtonForm
          id="confirm-email"
          token={token}
          action={confirmEmailChangeAction}
          label="Use this address"
          pendingLabel="Confirming…"
        />
      </div>
    </div>
  );
}
