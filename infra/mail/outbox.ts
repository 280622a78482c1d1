import "server-only";

/** Development stand-in for sending: recent mails kept in this server process for /dev/outbox. */
export type OutboxMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  sentAt: Date;
};

const LIMIT = 50;
const store = globalThis as typeof globalThis & { __pantryOutbox?: OutboxMail[] };

export function recordOutboxMail(mail: OutboxMail): void {
  store.__pantryOutbox ??= [];
  store.__pantryOutbox.unshift(mail);
  store.__pantryOutbox.length = Math.min(store.__pantryOutbox.length, LIMIT);
}

/** Newest first. */
export function listOutboxMails(): readonly OutboxMail[] {
  return store.__pantryOutbox ?? [];
}
