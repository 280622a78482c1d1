import Link from "next/link";
import type { ReactNode } from "react";

/** A way forward under a form's message, e.g. "Send the confirmation link again". */
export function FormHintLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mb-4 text-sm">
      <Link href={href} className="link">
        {children}
      </Link>
    </p>
  );
}
