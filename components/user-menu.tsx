"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

type FormAction = (formData: FormData) => Promise<void>;

const ITEMS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/recipes/new", label: "Add recipe" },
  { href: "/pantry", label: "My pantry" },
  { href: "/saved", label: "Saved" },
  { href: "/account", label: "Account" },
] as const;

/**
 * A <details> disclosure: it opens and its links and Log out work without JavaScript, and a full
 * page load starts closed. With JavaScript it also closes when an item is chosen, on a click or
 * focus outside, on Escape (the focus goes back to its button) and on any navigation, so it never
 * stays over the page it opened.
 */
export function UserMenu({ name, logoutAction }: { name: ReactNode; logoutAction: FormAction }) {
  const details = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const menu = details.current;
    if (!menu) return;
    const closeIfOutside = (event: Event) => {
      if (menu.open && event.target instanceof Node && !menu.contains(event.target)) menu.open = false;
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !menu.open) return;
      menu.open = false;
      menu.querySelector("summary")?.focus();
    };
    document.addEventListener("pointerdown", closeIfOutside);
    document.addEventListener("focusin", closeIfOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeIfOutside);
      document.removeEventListener("focusin", closeIfOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, []);

  // An item chosen: closed at once, also when it leads to the page already shown.
  const close = () => {
    if (details.current) details.current.open = false;
  };

  return (
    <details ref={details} className="relative" data-testid="user-menu">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm font-semibold text-stone-800 hover:bg-stone-100">
        Hi, {name} <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-48 rounded-md border border-stone-200 bg-white py-1 shadow-lg">
        {ITEMS.map((item) => (
          <Link key={item.href} href={item.href} onClick={close} className="block px-4 py-2 text-sm hover:bg-stone-100">
            {item.label}
          </Link>
        ))}
        <form action={logoutAction}>
          <button type="submit" className="block w-full px-4 py-2 text-left text-sm hover:bg-stone-100">
            Log out
          </button>
        </form>
      </div>
    </details>
  );
}
