import type { Metadata } from "next";
import { readKeptAddress } from "@/web/flash/flash";
import { ResendActivationForm } from "../resend-form";

export const metadata: Metadata = { title: "Send the confirmation link again" };

export default async function ResendActivationPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Send the confirmation link again</h1>
      <p className="mb-6 text-stone-700">
        Enter the address you registered with. If its account still waits for confirmation, we mail it a new link.
      </p>
      <div className="card">
        <ResendActivationForm email={await readKeptAddress()} />
      </div>
    </div>
  );
}
