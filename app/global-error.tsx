"use client";

import { ServerErrorPanel } from "@/components/server-error-panel";
import "./globals.css";

/** Replaces the root layout when the layout itself fails (it reads the session, which needs the database). */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          <ServerErrorPanel digest={error.digest} retry={retry} />
        </main>
      </body>
    </html>
  );
}
