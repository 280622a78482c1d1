"use client";

import Link from "next/link";

/** Friendly words, no details (the digest finds the log line); "Try again" refetches the page from the server, so it works once the database is back. */
export function ServerErrorPanel({ digest, retry }: { digest?: string; retry: () => void }) {
  return (
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
      {digest ? <p className="mt-6 text-xs text-stone-500">Error reference: {digest}</p> : null}
    </div>
  );
}
