import { photoPath } from "@/core/photos/rules";
import type { RecipePhoto as Photo } from "@/infra/db/schema";
import { PhotoPlaceholder } from "./photo-placeholder";

type Props = {
  photo: Photo | null;
  title: string;
  /** How wide the image is shown, for the browser's pick from srcset. */
  sizes: string;
  /** On a card the title is beside it: the image is decorative there (alt=""). */
  decorative?: boolean;
  /** Below the fold (cards): loaded when scrolled near. */
  lazy?: boolean;
  className?: string;
};

/** A recipe's photo at the stored widths, or the placeholder; width and height reserve its box before it loads. */
export function RecipePhoto({ photo, title, sizes, decorative = false, lazy = false, className = "" }: Props) {
  if (!photo) return <PhotoPlaceholder title={title} className={className} />;
  const fallback = photo.widths.find((width) => width >= 800) ?? photo.widths.at(-1)!;
  return (
    // The stored WebP sizes are served as they are: Next's image optimiser would re-encode them again.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={photoPath(photo.id, fallback)}
      srcSet={photo.widths.map((width) => `${photoPath(photo.id, width)} ${width}w`).join(", ")}
      sizes={sizes}
      width={photo.width}
      height={photo.height}
      alt={decorative ? "" : title}
      loading={lazy ? "lazy" : undefined}
      decoding="async"
      data-testid="recipe-photo"
      className={`aspect-[4/3] h-auto w-full rounded-lg bg-stone-100 object-cover ${className}`}
    />
  );
}
