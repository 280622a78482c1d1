import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Activation } from "@/core/accounts/activation";
import type { LoginCheck } from "@/core/accounts/login";

/** Auth.js reports every refusal as the same CredentialsSignin; the reason and the signed-in user travel back to the sign-in here. */
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
