import Link from "next/link";

type Props = {
  /** The navigation landmark's name, e.g. "Pages of results". */
  label: string;
  page: number;
  pageCount: number;
  /** The address of another page of the same list. */
  hrefFor: (page: number) => string;
};

/** Previous / "Page 2 of 5" / Next under a paged list; nothing when everything fits on one page. */
export function Pager({ label, page, pageCount, hrefFor }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="btn-secondary" rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-stone-700">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className="btn-secondary" rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
