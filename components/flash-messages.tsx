"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { Flash } from "@/web/flash/cookie";
import { takeFlashes } from "@/web/flash/take";

const TONES: Record<Flash["category"], string> = {
  success: "border-green-300 bg-green-50 text-green-900",
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-sky-300 bg-sky-50 text-sky-900",
};

/**
 * Shows each message once, on the page it was meant for. A full page load brings its messages from
 * the server (the middleware took them out of the cookie). After that the root layout, and this
 * component with it, stays while pages change in the browser: each navigation to another address
 * takes the cookie here and shows what it held, or nothing; a new render of the layout at the same
 * address (`renderId`: an action that redirected to the page it was posted from) shows the messages
 * it queued, and keeps the page's own otherwise (Next may render the layout again without news).
 */
export function FlashMessages({ flashes: initial, renderId }: { flashes: Flash[]; renderId: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const address = search ? `${pathname}?${search}` : pathname;
  const [shown, setShown] = useState<{ flashes: Flash[]; dismissed: number[] }>({ flashes: initial, dismissed: [] });
  // What the messages on screen were shown for; a re-run of the effect for the same changes nothing.
  const shownFor = useRef({ address, renderId });

  useEffect(() => {
    const previous = shownFor.current;
    if (previous.address === address && previous.renderId === renderId) return;
    shownFor.current = { address, renderId };
    const queued = takeFlashes();
    if (queued.length > 0 || previous.address !== address) setShown({ flashes: queued, dismissed: [] });
  }, [address, renderId]);

  const visible = shown.flashes.map((flash, index) => ({ flash, index })).filter(({ index }) => !shown.dismissed.includes(index));
  if (visible.length === 0) return null;

  return (
    <div className="mx-auto mt-4 w-full max-w-5xl space-y-2 px-4">
      {visible.map(({ flash, index }) => (
        <div
          key={`${index}-${flash.message}`}
          role={flash.category === "error" ? "alert" : "status"}
          data-testid="flash"
          data-category={flash.category}
          className={`flex items-start justify-between gap-4 rounded-md border px-4 py-3 text-sm ${TONES[flash.category]}`}
        >
          <p>{flash.message}</p>
          <button
            type="button"
            className="-my-1 rounded px-2 py-1 text-lg leading-none hover:bg-black/5"
            aria-label="Dismiss message"
            onClick={() => setShown((current) => ({ ...current, dismissed: [...current.dismissed, index] }))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
