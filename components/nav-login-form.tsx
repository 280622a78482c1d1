export function NavLoginForm({ action }: { action: (formData: FormData) => Promise<void> }) {
  return (
    <form action={action} className="flex w-full flex-wrap items-center gap-2 sm:w-auto" aria-label="Log in">
      <label htmlFor="nav-email" className="sr-only">
        Email
      </label>
      <input
        id="nav-email"
        name="email"
        type="email"
        autoComplete="username"
        placeholder="Email"
        className="input min-w-0 flex-1 py-1.5 text-sm sm:w-44"
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
        className="input min-w-0 flex-1 py-1.5 text-sm sm:w-36"
      />
      <button type="submit" className="btn-primary py-1.5">
        Log in
      </button>
    </form>
  );
}
