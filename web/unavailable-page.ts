// The middleware's own pages, Edge-safe and needing nothing of the app: 503 while the database is
// down (the words of components/server-error-panel.tsx) and 413 for a post over the limit.

export const UNAVAILABLE_HEADING = "Something went wrong on our side";
export const UNAVAILABLE_MESSAGE = "Nothing you did caused this. Please try again in a moment.";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A same-site link to the page asked for; "//host" would leave the site, so it loses its extra slashes. */
export function retryHref(pathname: string, search: string): string {
  return `/${pathname.replace(/^\/+/, "")}${search}`;
}

/** Self-contained: no scripts, no assets, inline styles only. */
function messagePage({
  title,
  heading,
  message,
  primary,
}: {
  title: string;
  heading: string;
  message: string;
  primary: { href: string; label: string };
}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{margin:0;background:#fafaf9;color:#1c1917;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5}
main{max-width:32rem;margin:2rem auto;padding:1.5rem;border:1px solid #e7e5e4;border-radius:.5rem;background:#fff;text-align:center;box-shadow:0 1px 2px rgb(0 0 0/.05)}
h1{margin:0 0 .5rem;font-size:1.5rem}
p{margin:0 0 1.5rem;color:#44403c}
a{display:inline-block;margin:0 .375rem;padding:.5rem 1rem;border-radius:.375rem;font-size:.875rem;font-weight:600;text-decoration:none}
.primary{background:#9a3412;color:#fff}
.primary:hover{background:#7c2d12}
.secondary{border:1px solid #d6d3d1;background:#fff;color:#292524}
.secondary:hover{background:#f5f5f4}
a:focus-visible{outline:2px solid #c2410c;outline-offset:2px}
</style>
</head>
<body>
<main id="main">
<div role="alert">
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(message)}</p>
<a class="primary" href="${escapeHtml(primary.href)}">${escapeHtml(primary.label)}</a><a class="secondary" href="/">Home</a>
</div>
</main>
</body>
</html>
`;
}

export function unavailablePage(retry: string): string {
  return messagePage({
    title: "Pantry: back in a moment",
    heading: UNAVAILABLE_HEADING,
    message: UNAVAILABLE_MESSAGE,
    primary: { href: retry, label: "Try again" },
  });
}

export const TOO_LARGE_HEADING = "That was too much to send";
export const TOO_LARGE_MESSAGE = "The form sent more than 1 MB, more than this site accepts. Shorten what you entered and send it again.";

/** The recipe form's: only its photo can be that large. */
export const PHOTO_TOO_LARGE_MESSAGE =
  "The form sent more than 11 MB, more than this site accepts. Choose a photo of at most 10 MB and send the form again.";

/** The 413 for a form posted without JavaScript; `back` is the form's own page. */
export function tooLargePage(back: string, message: string = TOO_LARGE_MESSAGE): string {
  return messagePage({
    title: "Pantry: too much to send",
    heading: TOO_LARGE_HEADING,
    message,
    primary: { href: back, label: "Back to the form" },
  });
}
