/**
 * Where a recipe has no photo: a warm gradient, a plate and the title's first letter, in the photo's
 * 4 : 3 box so nothing moves when one is added. Decorative: the title is always next to it.
 */
export function PhotoPlaceholder({ title, className = "" }: { title: string; className?: string }) {
  const initial = Array.from(title.trim())[0]?.toLocaleUpperCase("en-GB") ?? "";
  return (
    <div
      aria-hidden="true"
      data-testid="photo-placeholder"
      className={`relative flex aspect-[4/3] w-full items-center justify-center overflow-hidden rounded-lg bg-gradient-to-br from-amber-100 via-orange-100 to-rose-200 ${className}`}
    >
      <svg viewBox="0 0 64 64" className="absolute h-1/2 w-1/2 text-orange-300/70" fill="none" stroke="currentColor" strokeWidth="2.5">
        <circle cx="32" cy="34" r="20" />
        <circle cx="32" cy="34" r="13" />
        <path d="M6 14v14m-3-14v8a3 3 0 0 0 6 0v-8M58 14c-4 2-5 8-5 12h5v14" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="relative font-serif text-4xl font-bold text-orange-900/70">{initial}</span>
    </div>
  );
}
