import { listOutboxMails } from "@/infra/mail/outbox";

/** The mails sent to `address` in this test process, newest first. */
export function mailsTo(address: string) {
  return listOutboxMails().filter((mail) => mail.to === address.toLowerCase());
}

/** The token in the newest activation link mailed to `address`. */
export function activationTokenFor(address: string): string {
  const link = mailsTo(address)
    .flatMap((mail) => mail.links)
    .find((url) => url.includes("/activate/"));
  if (!link) throw new Error(`no activation link was mailed to ${address}`);
  return link.split("/activate/")[1]!;
}
