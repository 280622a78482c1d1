/** The header's login form; `className` says on which screens it shows (LoggedOutNav). */
export function NavLoginForm({ action, className }: { action: (formData: FormData) => Promise<void>; className: string }) {
  return (
    <form action={action} className={`${className} flex-wrap items-center gap-2`} aria-label="Log in">
      <label htmlFor="nav-email" className="sr-only">
        Email
      </label>
      <input
        id="nav-email"
        name="email"
        type="email"
        autoComplete="username"
        placeholder="Email"
        className="input min-w-0 w-44 py-1.5 text-sm"
      />
      <label htmlFor="nav-password" className="sr-only">
        Password
      </label>
      <input
        id="nav-password"
        name="password"
        type="password"
        autoComplete="current-password"
        placeholder="Password"
        className="input min-w-0 w-36 py-1.5 text-sm"
      />
      <button type="submit" className="btn-primary py-1.5">
        Log in
      </button>
    </form>
  );
}
