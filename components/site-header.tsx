import Link from "next/link";
import { logoutAction } from "@/app/actions/accounts";
import type { SessionUser } from "@/lib/auth/session";
import { NavLoginForm } from "./nav-login-form";

/** The original app's top bar: Home, Register and an inline login form, or the user's menu. */
export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="mr-auto flex items-center gap-2 text-lg font-bold text-brand-800">
          <span aria-hidden="true">🥕</span> Pantry
        </Link>
        <Link href="/" className="text-sm font-medium text-stone-700 hover:text-brand-700">
          Home
        </Link>
        {user ? (
          <details className="relative" data-testid="user-menu">
            <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm font-semibold text-stone-800 hover:bg-stone-100">
              Hi, {user.name} <span aria-hidden="true">▾</span>
            </summary>
            <div className="absolute right-0 z-20 mt-2 w-48 rounded-md border border-stone-200 bg-white py-1 shadow-lg">
              <Link href="/dashboard" className="block px-4 py-2 text-sm hover:bg-stone-100">
                Dashboard
              </Link>
              <Link href="/recipes/new" className="block px-4 py-2 text-sm hover:bg-stone-100">
                Add recipe
              </Link>
              <form action={logoutAction}>
                <button type="submit" className="block w-full px-4 py-2 text-left text-sm hover:bg-stone-100">
                  Logout
                </button>
              </form>
            </div>
          </details>
        ) : (
          <>
            <Link href="/register" className="text-sm font-medium text-stone-700 hover:text-brand-700">
              Register
            </Link>
            <NavLoginForm />
          </>
        )}
      </nav>
    </header>
  );
}
