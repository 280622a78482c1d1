import { httpsEnforced, isProduction } from "@/infra/env";
import { contentSecurityPolicy } from "@/web/csp";

/** A fresh nonce per request: Next reads it from the request's CSP header and puts it on its scripts. */
export function requestPolicy(): string {
  return contentSecurityPolicy(btoa(crypto.randomUUID()), {
    development: !isProduction,
    upgradeInsecure: httpsEnforced,
  });
}
