"use client";

import Link from "next/link";

/**
 * A page that failed on the server (most often: the database did not answer). Friendly words, no
 * details (production hides them anyway; the digest finds the log line). "Try again" uses retry(),
 * which fetches the page from the server again, so it works once the database is back; reset()
 * would only re-render what the browser already has.
 */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
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
      {error.digest ? <p className="mt-6 text-xs text-stone-500">Error reference: {error.digest}</p> : null}
    </div>
  );
}
