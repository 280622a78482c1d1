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
 * Shows each message once, on the page it was meant for. The server renders them on a full page
 * load and right after an action's redirect (readFlashes). The root layout, and this component with
 * it, stays while pages change in the browser: each navigation to another address shows nothing
 * (or what the cookie queued, taken here), and a new render of the layout (`renderId`) shows the
 * messages it brought. The cookie is removed here whenever it is seen, so that it shows once.
 */
export function FlashMessages({ flashes, renderId }: { flashes: Flash[]; renderId: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const address = search ? `${pathname}?${search}` : pathname;
  const [shown, setShown] = useState<{ flashes: Flash[]; dismissed: number[] }>({ flashes, dismissed: [] });
  // What the messages on screen were shown for; a re-run of the effect for the same changes nothing.
  const shownFor = useRef({ address, renderId });

  useEffect(() => {
    const previous = shownFor.current;
    if (previous.address === address && previous.renderId === renderId) return;
    shownFor.current = { address, renderId };
    const queued = takeFlashes();
    const fresh = previous.renderId !== renderId && flashes.length > 0 ? flashes : queued;
    // Next may render the layout again without news (a refresh): the page's messages then stay.
    if (fresh.length > 0 || previous.address !== address) setShown({ flashes: fresh, dismissed: [] });
  }, [address, renderId, flashes]);

  const visible = shown.flashes.map((flash, index) => ({ flash, index })).filter(({ index }) => !shown.dismissed.includes(index));
  if (visible.length === 0) return null;

  return (
    <div className="mx-auto mt-4 w-full max-w-5xl space-y-2 px-4 print:hidden">
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
