/** Next's `serverActions.bodySizeLimit` (next.config.ts). The middleware answers a larger post with a 413 of its own: Next's refusal is a 500. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** What a page answers; route handlers under /api/ declare their own methods. */
export const PAGE_METHODS = ["GET", "HEAD", "POST", "OPTIONS"] as const;
export const PAGE_ALLOW_HEADER = "GET, HEAD, POST";

/** How long a 503 (database unreachable) asks the client to wait, in the middleware and in Node. */
export const RETRY_AFTER_SECONDS = 5;
