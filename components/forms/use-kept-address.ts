"use client";

import { useEffect } from "react";
import { takeKeptAddress } from "@/web/flash/take";

/**
 * The address typed on the page before, when an action sent the person here: a full page load
 * brings it from the server (the page's `initial`); after a navigation in the browser the form
 * takes it from the cookie here.
 */
export function useKeptAddress(fill: (address: string) => void): void {
  useEffect(() => {
    const kept = takeKeptAddress();
    if (kept) fill(kept);
    // Once, when the form appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
