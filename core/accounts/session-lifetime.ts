/** How long a session lasts: the JWT cookie and the user_sessions row expire together. Edge-safe. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
