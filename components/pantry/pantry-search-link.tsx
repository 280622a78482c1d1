import Link from "next/link";

/** The home page's search for a list of names, as a person would type it: `/?ingredients=chicken thigh, rocket`. */
export function pantrySearchHref(names: readonly string[]): string {
  return `/?${new URLSearchParams({ ingredients: names.join(", ") }).toString()}`;
}

/** "Search with my pantry (N)" for a signed-in person with a saved pantry; nothing for an empty one. */
export function PantrySearchLink({ names, className = "link" }: { names: readonly string[]; className?: string }) {
  if (names.length === 0) return null;
  return (
    <Link href={pantrySearchHref(names)} className={className} data-testid="pantry-search-link">
      Search with my pantry ({names.length})
    </Link>
  );
}
