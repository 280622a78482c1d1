/**
 * Where a recipe has no photo: a warm gradient, a plate (the photo-placeholder style in
 * app/globals.css) and the title's first letter, in the photo's 4 : 3 box so nothing moves when one
 * is added. Decorative: the title is always next to it.
 */
export function PhotoPlaceholder({ title, className = "" }: { title: string; className?: string }) {
  const initial = Array.from(title.trim())[0]?.toLocaleUpperCase("en-GB") ?? "";
  return (
    <div aria-hidden="true" data-testid="photo-placeholder" className={`photo-placeholder ${className}`}>
      <span className="relative font-serif text-4xl font-bold text-orange-900/70">{initial}</span>
    </div>
  );
}
