import type { ReactNode } from "react";

// The bare pages' own root layout: no session, no flash messages, no site CSS — the framework alone.
export default function BareLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
