import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Activation } from "@/core/accounts/activation";
import type { LoginCheck } from "@/core/accounts/login";

/**
 * What a provider's authorize() found, handed back to the sign-in that asked. Auth.js reports
 * every refusal as the same CredentialsSignin error; the reason (locked, not confirmed, wrong
 * password) and the signed-in user travel here instead, within the one server action.
 */
export type Outcome = { login?: LoginCheck; activation?: Activation };

const outcomes = new AsyncLocalStorage<Outcome>();

/** Runs `work` (an Auth.js signIn) so that authorize() can report into `outcome`. */
export function recordingOutcome<T>(outcome: Outcome, work: () => Promise<T>): Promise<T> {
  return outcomes.run(outcome, work);
}

export function reportOutcome(found: Outcome): void {
  const outcome = outcomes.getStore();
  if (outcome) Object.assign(outcome, found);
}
