/**
 * Replays the /login page's form the way a browser without JavaScript posts it: the hidden
 * inputs React renders for the server action (its id and bound state) plus email and password,
 * as multipart/form-data. That runs the real login path: the server action, Auth.js's
 * credentials provider, the PBKDF2 check, the session row and the session cookie.
 */
export type LoginForm = { contentType: string; body(email: string, password: string): string };

const BOUNDARY = "----pantry-bench-boundary";

const decodeEntities = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function attribute(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return match ? decodeEntities(match[1]!) : undefined;
}

export function parseLoginForm(html: string): LoginForm {
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)]
    .map((match) => match[0])
    .find((candidate) => candidate.includes('id="login-password"'));
  if (!form) throw new Error("no login form (#login-password) on /login");
  const hidden = [...form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)]
    .map((match) => ({ name: attribute(match[0], "name"), value: attribute(match[0], "value") ?? "" }))
    .filter((field): field is { name: string; value: string } => field.name !== undefined);
  if (!hidden.some((field) => field.name.startsWith("$ACTION"))) throw new Error("the login form carries no server action fields");

  const part = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: (email, password) =>
      [...hidden.map((field) => part(field.name, field.value)), part("email", email), part("password", password)].join("") +
      `--${BOUNDARY}--\r\n`,
  };
}

/** A login worked when the answer is the redirect that sets the session cookie. */
export function isSuccessfulLogin(status: number, headers: Record<string, string | string[] | undefined>): boolean {
  // autocannon keeps header names as the server wrote them ("Set-Cookie").
  const cookies = Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === "set-cookie")
    .flatMap(([, value]) => [value ?? []].flat())
    .join("\n");
  return status === 303 && /authjs\.session-token=[^;]/.test(cookies);
}
