/** An error and the errors it wraps (ORM → driver → socket), outermost first; bounded, against a cause that loops. */
export function* errorCauses(error: unknown, maxDepth = 8): Generator<object> {
  let current: unknown = error;
  for (let depth = 0; depth < maxDepth && typeof current === "object" && current !== null; depth++) {
    yield current;
    current = "cause" in current ? current.cause : undefined;
  }
}

/** The short code (ECONNREFUSED, 57P01…) of an error or of the first cause that has one. */
export function errorCode(error: unknown): string | undefined {
  for (const cause of errorCauses(error)) if ("code" in cause && typeof cause.code === "string") return cause.code;
  return undefined;
}
