"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/** Disabled while its form is being sent, whether React or the enhanced submit handler sent it. */
export function SubmitButton({
  children,
  pending = false,
  pendingLabel,
  className = "btn-primary",
}: {
  children: ReactNode;
  pending?: boolean;
  pendingLabel?: string;
  className?: string;
}) {
  const status = useFormStatus();
  const busy = pending || status.pending;
  return (
    <button type="submit" className={className} disabled={busy}>
      {busy && pendingLabel ? pendingLabel : children}
    </button>
  );
}
