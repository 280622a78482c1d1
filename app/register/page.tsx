import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create an account" };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Create an account</h1>
      <p className="mb-6 text-stone-700">Save your own recipes and manage them from your dashboard.</p>
      <div className="card">
        <RegisterForm />
      </div>
      <p className="mt-4 text-sm text-stone-700">
        Already registered?{" "}
        <Link href="/login" className="link">
          Log in
        </Link>
        . No mail?{" "}
        <Link href="/activate/resend" className="link">
          Send the link again
        </Link>
        .
      </p>
    </div>
  );
}
