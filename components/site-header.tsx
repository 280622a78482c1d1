import Link from "next/link";
import type { SessionUser } from "@/auth/user";
import { NavLoginForm } from "./nav-login-form";

/** The original app's top bar: Home, Register and an inline login form, or the user's menu. */
type FormAction = (formData: FormData) => Promise<void>;

/** The actions come from the layout, so that components never import routes. */
export function SiteHeader({
  user,
  logoutAction,
  loginAction,
}: {
  user: SessionUser | null;
  logoutAction: FormAction;
  loginAction: FormAction;
}) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex w-full max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="mr-auto flex items-center gap-2 text-lg font-bold text-brand-800">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
            <rect width="32" height="32" rx="7" fill="#9a3412" />
            <path d="M10 24c3-1 9-7 11-12l-3-3c-5 2-11 8-12 11z" fill="#fb923c" />
            <path d="M20 9l3-4m-1 6 5-2m-6 1 1-5" stroke="#65a30d" strokeWidth="2" strokeLinecap="round" />
          </svg>
          Pantry
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
              <Link href="/pantry" className="block px-4 py-2 text-sm hover:bg-stone-100">
                My pantry
              </Link>
              <Link href="/account" className="block px-4 py-2 text-sm hover:bg-stone-100">
                Account
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
            <NavLoginForm action={loginAction} />
          </>
        )}
      </nav>
    </header>
  );
}
