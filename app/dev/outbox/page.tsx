import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isProduction } from "@/infra/env";
import { listOutboxMails } from "@/infra/mail/outbox";

export const metadata: Metadata = { title: "Development outbox" };

/** Mail that would have been sent, for development without a Resend key. Absent in production. */
export default function OutboxPage() {
  if (isProduction) notFound();
  const mails = listOutboxMails();
  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">Development outbox</h1>
      <p className="mb-6 text-stone-700">
        Without <code>RESEND_API_KEY</code>, mail is not sent: it is printed to the server log and listed here (newest first, this server
        process only).
      </p>
      {mails.length === 0 ? (
        <p className="card text-stone-700">No mail yet. Register an account and its confirmation mail shows up here.</p>
      ) : (
        <ol className="space-y-4">
          {mails.map((mail) => (
            <li key={mail.id} className="card" data-testid="outbox-mail">
              <p className="text-sm text-stone-600">
                To <strong data-testid="outbox-to">{mail.to}</strong> · {mail.sentAt.toLocaleString("en-GB", { timeZone: "UTC" })} UTC
              </p>
              <h2 className="my-2 text-lg font-semibold">{mail.subject}</h2>
              <ul className="mb-3 space-y-1">
                {mail.links.map((link) => (
                  <li key={link}>
                    <a href={link} className="link break-all">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
              <details>
                <summary className="cursor-pointer text-sm text-stone-700">Plain-text version</summary>
                <pre className="mt-2 whitespace-pre-wrap text-sm">{mail.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
