/** A page post's ceiling; the middleware answers a larger post with a 413 of its own (web/middleware/body-size.ts). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** The recipe form's ceiling: a 10 MB photo (core/photos/rules.ts) and the text fields. */
export const RECIPE_FORM_BODY_LIMIT_BYTES = 11 * 1024 * 1024;

/** Next's `serverActions.bodySizeLimit` (next.config.ts), the largest of the ceilings above: Next's own refusal is a 500. */
export const NEXT_SERVER_ACTION_BODY_LIMIT_BYTES = RECIPE_FORM_BODY_LIMIT_BYTES;

/** How much of a body Next buffers for the middleware (`proxyClientMaxBodySize`); past it, the route would get a cut body. */
export const NEXT_PROXY_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

const RECIPE_FORM_PATH = /^\/recipes\/(new|[1-9]\d{0,9}\/edit)\/?$/;

/** The ceiling of a post to `pathname`: only the recipe form, which carries a photo, may send more than 1 MB. */
export function bodyLimitFor(pathname: string): number {
  return RECIPE_FORM_PATH.test(pathname) ? RECIPE_FORM_BODY_LIMIT_BYTES : SERVER_ACTION_BODY_LIMIT_BYTES;
}

/** What a page answers; route handlers under /api/ declare their own methods. */
export const PAGE_METHODS = ["GET", "HEAD", "POST", "OPTIONS"] as const;
export const PAGE_ALLOW_HEADER = "GET, HEAD, POST";

/** How long a 503 (database unreachable) asks the client to wait, in the middleware and in Node. */
export const RETRY_AFTER_SECONDS = 5;
