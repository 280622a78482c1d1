"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card mx-auto max-w-lg text-center" role="alert">
      <h1 className="mb-2 text-2xl font-bold">Something went wrong on our side</h1>
      <p className="mb-6 text-stone-700">Nothing you did caused this. Please try again in a moment.</p>
      <div className="flex justify-center gap-3">
        <button type="button" className="btn-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="btn-secondary">
          Home
        </Link>
      </div>
    </div>
  );
}
