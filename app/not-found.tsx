import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card mx-auto max-w-lg text-center">
      <h1 className="mb-2 text-2xl font-bold">Page not found</h1>
      <p className="mb-6 text-stone-700">There is nothing at this address. It may have been moved or deleted.</p>
      <Link href="/" className="btn-primary">
        Back to the recipes
      </Link>
    </div>
  );
}
