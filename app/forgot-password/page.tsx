import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Forgot your password?</h1>
      <p className="mb-6 text-stone-700">Enter the address you registered with and we mail you a link to choose a new one.</p>
      <div className="card">
        <ForgotPasswordForm />
      </div>
    </div>
  );
}
