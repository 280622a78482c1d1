import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Server code never builds a redirect or an absolute URL from the request's idea of the host:
 * request.nextUrl and request.url name the address Next is bound to (https://localhost:PORT
 * behind a proxy), and Host / X-Forwarded-Host are whatever the client sent (a cached redirect to
 * the host an attacker named). Absolute URLs come from APP_URL (siteOrigin in infra/env.ts);
 * redirects are relative where the API allows it.
 */
const root = path.resolve(import.meta.dirname, "../..");
const SOURCE = /\.(ts|tsx)$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return SOURCE.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function serverFiles(): string[] {
  const top = readdirSync(root).filter((name) => /^(middleware|instrumentation)\.ts$/.test(name));
  const layers = ["app", "auth", "web", "core", "infra", "scripts/boot"];
  return [...layers.flatMap((dir) => walk(path.join(root, dir))), ...top.map((name) => path.join(root, name))];
}

/** Comments out, strings kept: what the code does, not what its comments say. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** What may be read from request.nextUrl: the path and query, never its host, origin or href. */
const NEXT_URL_PARTS = new Set(["pathname", "search", "searchParams"]);

function findings(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  const lineOf = (index: number) => code.slice(0, index).split("\n").length;

  for (const match of code.matchAll(/\b(?:req|request)\.url\b/g)) found.push(`line ${lineOf(match.index)}: ${match[0]} (the bind address)`);

  for (const match of code.matchAll(/\bnextUrl\b/g)) {
    const after = code.slice(match.index + match[0].length);
    const member = after.match(/^\s*\??\.\s*(\w+)/);
    if (member) {
      if (!NEXT_URL_PARTS.has(member[1]!)) found.push(`line ${lineOf(match.index)}: nextUrl.${member[1]}`);
      continue;
    }
    // `const { pathname, search } = req.nextUrl` reads parts too.
    const destructured = code.slice(0, match.index).match(/\{([^{}]*)\}\s*=\s*(?:\w+\.)?$/);
    if (destructured) {
      const names = destructured[1]!
        .split(",")
        .map((name) => name.split(":")[0]!.trim())
        .filter(Boolean);
      const bad = names.filter((name) => !NEXT_URL_PARTS.has(name));
      if (bad.length) found.push(`line ${lineOf(match.index)}: { ${bad.join(", ")} } = nextUrl`);
      continue;
    }
    found.push(`line ${lineOf(match.index)}: nextUrl used whole (as a URL base or value)`);
  }

  for (const match of code.matchAll(/\b(?:headers\.get|headers\(\)\.get|get)\(\s*["'`](host|x-forwarded-host|forwarded)["'`]\s*\)/gi)) {
    // The one allowed reader compares the host with a post's Origin; its result is checked below.
    const before = code.slice(0, match.index);
    const inRequestHost = /function requestHost\([^)]*\)[^{]*\{[^}]*$/.test(before);
    if (!inRequestHost) found.push(`line ${lineOf(match.index)}: reads the ${match[1]} header`);
  }

  // Whatever holds a host must not end up in a URL: no `${host}` in a template, no host argument
  // to new URL() or a redirect.
  for (const match of code.matchAll(/\$\{\s*(?:requestHost\([^)]*\)|host|forwardedHost|hostHeader)\s*\}/g))
    found.push(`line ${lineOf(match.index)}: ${match[0]} in a template`);
  for (const match of code.matchAll(/\b(?:new URL|redirect)\(([^;]*?)\)/g)) {
    if (/\b(?:requestHost|host|hostHeader|forwardedHost)\b/.test(match[1]!))
      found.push(`line ${lineOf(match.index)}: ${match[0].slice(0, 80)}`);
  }
  return found;
}

describe("no URL is built from the request's host", () => {
  it("scans the server code (app/, auth/, web/, core/, infra/, scripts/boot/, middleware.ts, instrumentation.ts)", () => {
    const files = serverFiles();
    expect(files.map((file) => path.relative(root, file))).toEqual(
      expect.arrayContaining(["middleware.ts", "auth/index.ts", "auth/config.ts", "app/reset-password/[token]/route.ts"]),
    );
    const report = files.flatMap((file) =>
      findings(readFileSync(file, "utf8")).map((finding) => `${path.relative(root, file)} ${finding}`),
    );
    expect(report).toEqual([]);
  });

  it.each([
    'NextResponse.redirect(new URL("/reset-password", request.nextUrl), 303)',
    'const login = new URL("/login", req.nextUrl);',
    "return NextResponse.redirect(req.nextUrl.origin + '/x');",
    "const { origin } = request.nextUrl;",
    "const url = req.nextUrl.clone(); url.pathname = '/login'; return NextResponse.redirect(url);",
    "const target = new URL(request.url);",
    'const host = req.headers.get("x-forwarded-host"); return NextResponse.redirect(`https://${host}/x`);',
    'NextResponse.redirect(`https://${request.headers.get("host")}/x`)',
  ])("flags %s", (source) => {
    expect(findings(source)).not.toEqual([]);
  });

  it.each([
    "const { pathname, search } = req.nextUrl;",
    "if (req.nextUrl.pathname.startsWith('/api/')) return null;",
    "const q = request.nextUrl.searchParams.get('q');",
    "// not this server's own name (req.nextUrl.host)",
    "return NextResponse.redirect(`${siteOrigin}${req.nextUrl.pathname}${req.nextUrl.search}`, 301);",
    'function requestHost(req: NextRequest): string {\n  return (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? "").trim();\n}\nif (originHost === requestHost(req)) return null;',
  ])("lets %s pass", (source) => {
    expect(findings(source)).toEqual([]);
  });
});
