"use client";

import Link from "next/link";
import "./globals.css";

/**
 * Replaces the root layout when the layout itself fails (it reads the session, which needs the
 * database): the same friendly words as app/error.tsx, never a stack trace. retry() asks the
 * server again.
 */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          <div className="card mx-auto max-w-lg text-center" role="alert">
            <h1 className="mb-2 text-2xl font-bold">Something went wrong on our side</h1>
            <p className="mb-6 text-stone-700">Nothing you did caused this. Please try again in a moment.</p>
            <div className="flex justify-center gap-3">
              <button type="button" className="btn-primary" onClick={() => retry()}>
                Try again
              </button>
              <Link href="/" className="btn-secondary">
                Home
              </Link>
            </div>
            {error.digest ? <p className="mt-6 text-xs text-stone-500">Error reference: {error.digest}</p> : null}
          </div>
        </main>
      </body>
    </html>
  );
}
