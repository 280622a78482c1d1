"use client";

import { useEffect, useState } from "react";
import { FLASH_COOKIE, type Flash } from "@/web/flash/cookie";

const TONES: Record<Flash["category"], string> = {
  success: "border-green-300 bg-green-50 text-green-900",
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-sky-300 bg-sky-50 text-sky-900",
};

/** Shows the messages once: after a client-side navigation the cookie is removed here (a full load had the middleware remove it). */
export function FlashMessages({ flashes }: { flashes: Flash[] }) {
  const [dismissed, setDismissed] = useState<number[]>([]);

  useEffect(() => {
    const secure = window.location.protocol === "https:" || FLASH_COOKIE.startsWith("__Host-") ? "; Secure" : "";
    if (flashes.length > 0) document.cookie = `${FLASH_COOKIE}=; Max-Age=0; path=/; SameSite=Lax${secure}`;
  }, [flashes]);

  const visible = flashes.map((flash, index) => ({ flash, index })).filter(({ index }) => !dismissed.includes(index));
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
            onClick={() => setDismissed((current) => [...current, index])}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
