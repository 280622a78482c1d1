"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { NavLoginForm } from "./nav-login-form";

/** Pages with a form of their own for the account: a second login form beside it only competes. */
const ACCOUNT_PAGES = /^\/(login|register|forgot-password|reset-password|activate)(\/|$)/;

const linkClass = "text-sm font-medium text-stone-700 hover:text-brand-700";

/**
 * Register, and the login form on wide screens; on phones (a CSS breakpoint, so also without
 * JavaScript) and on the account pages a "Log in" link instead. A client component because the
 * root layout is not rendered again on a client-side navigation, while `usePathname` follows it.
 */
export function LoggedOutNav({ loginAction }: { loginAction: (formData: FormData) => Promise<void> }) {
  const pathname = usePathname() ?? "/";
  const onAccountPage = ACCOUNT_PAGES.test(pathname);
  const onLoginPage = /^\/login\/?$/.test(pathname);
  const loginLink = (className: string) => (
    <Link href="/login" className={className} aria-current={onLoginPage ? "page" : undefined}>
      Log in
    </Link>
  );
  return (
    <>
      <Link href="/register" className={linkClass} aria-current={pathname === "/register" ? "page" : undefined}>
        Register
      </Link>
      {onAccountPage ? (
        loginLink(linkClass)
      ) : (
        <>
          {loginLink(`${linkClass} sm:hidden`)}
          <NavLoginForm action={loginAction} className="hidden sm:flex" />
        </>
      )}
    </>
  );
}
