import Link from "next/link";
import type { SessionUser } from "@/auth/user";
import { LoggedOutNav } from "./logged-out-nav";
import { UserMenu } from "./user-menu";

/** The original app's top bar: Home, Register and a login form or link (LoggedOutNav), or the user's menu. */
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
        {user ? <UserMenu name={user.name} logoutAction={logoutAction} /> : <LoggedOutNav loginAction={loginAction} />}
      </nav>
    </header>
  );
}
