import type { Metadata } from "next";
import { checkEmailUndoToken } from "@/core/accounts/email-change";
import { getDb } from "@/infra/db";
import { restoreEmailAction } from "../../actions";
import { LinkButtonForm } from "../../link-button-form";

// "same-origin", not "no-referrer": a form post from a no-referrer page carries `Origin: null`, which Next refuses.
export const metadata: Metadata = { title: "Restore your address", referrer: "same-origin" };

export default async function RestoreEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const undo = await checkEmailUndoToken(await getDb(), token);
  if (!undo) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-2 text-2xl font-bold">This link does not work</h1>
        <p className="text-stone-700" data-testid="email-link-invalid">
          It has already been used, or its 7 days have passed.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Restore your address</h1>
      <p className="mb-6 text-stone-700">
        Your Pantry account goes back to <strong>{undo.email}</strong>, and every device signed in to it is logged out. Then choose a new
        password: whoever changed the address may know it.
      </p>
      <div className="card">
        <LinkButtonForm id="restore-email" token={token} action={restoreEmailAction} label="Restore my address" pendingLabel="Restoring…" />
      </div>
    </div>
  );
}
