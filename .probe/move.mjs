import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

const MAP = {
  "auth.ts": "auth/index.ts",
  "auth.config.ts": "auth/config.ts",
  "lib/auth/session.ts": "auth/user.ts",
  "types/next-auth.d.ts": "auth/next-auth.d.ts",
  "lib/accounts/activate.ts": "core/accounts/activation.ts",
  "lib/accounts/activation-mail.ts": "core/accounts/activation-mail.ts",
  "lib/accounts/change-password.ts": "core/accounts/change-password.ts",
  "lib/accounts/login.ts": "core/accounts/login.ts",
  "lib/accounts/password-reset.ts": "core/accounts/password-reset.ts",
  "lib/accounts/register.ts": "core/accounts/register.ts",
  "lib/accounts/reset-cookie.ts": "web/reset-cookie.ts",
  "lib/accounts/schemas.ts": "core/accounts/schemas.ts",
  "lib/accounts/server-schemas.ts": "core/accounts/server-schemas.ts",
  "lib/accounts/users.ts": "core/accounts/users.ts",
  "lib/auth/common-passwords.ts": "core/passwords/common-passwords.ts",
  "lib/auth/password-policy.ts": "core/passwords/policy.ts",
  "lib/auth/password-policy.test.ts": "core/passwords/policy.test.ts",
  "lib/auth/password.ts": "core/passwords/hash.ts",
  "lib/auth/password.test.ts": "core/passwords/hash.test.ts",
  "lib/auth/sessions.ts": "core/accounts/sessions.ts",
  "lib/auth/tokens.ts": "core/accounts/tokens.ts",
  "lib/availability.ts": "web/availability.ts",
  "lib/availability.test.ts": "web/availability.test.ts",
  "lib/env.ts": "infra/env.ts",
  "lib/env.test.ts": "infra/env.test.ts",
  "lib/error-causes.ts": "infra/error-causes.ts",
  "lib/flash-cookie.ts": "web/flash/cookie.ts",
  "lib/flash-cookie.test.ts": "web/flash/cookie.test.ts",
  "lib/flash.ts": "web/flash/flash.ts",
  "lib/forms/form-state.ts": "web/forms/form-state.ts",
  "lib/forms/text.ts": "core/text.ts",
  "lib/forms/validated-action.ts": "web/forms/validated-action.ts",
  "lib/health.ts": "infra/health.ts",
  "lib/import/flask.ts": "scripts/flask/import.ts",
  "lib/log.ts": "infra/log.ts",
  "lib/mail/outbox.ts": "infra/mail/outbox.ts",
  "lib/mail/send.ts": "infra/mail/send.ts",
  "lib/mail/templates.tsx": "core/accounts/mail-templates.tsx",
  "lib/recipes/columns.ts": "core/recipes/records.ts",
  "lib/recipes/form-values.ts": "core/recipes/form-values.ts",
  "lib/recipes/image-hosts.ts": "core/recipes/image-hosts.ts",
  "lib/recipes/ingredient-lines.ts": "core/recipes/ingredient-lines.ts",
  "lib/recipes/ingredients.ts": "core/ingredients/ingredients.ts",
  "lib/recipes/ingredients.test.ts": "core/ingredients/ingredients.test.ts",
  "lib/recipes/plain-search.ts": "bench/lib/reference-search.ts",
  "lib/recipes/postings.ts": "core/search/postings.ts",
  "lib/recipes/queries.ts": "core/recipes/queries.ts",
  "lib/recipes/schemas.ts": "core/recipes/schemas.ts",
  "lib/recipes/server-schemas.ts": "core/recipes/server-schemas.ts",
  "lib/recipes/search-walk.ts": "core/search/walk.ts",
  "lib/recipes/search.ts": "core/search/search.ts",
  "lib/safe-redirect.ts": "web/safe-redirect.ts",
  "lib/safe-redirect.test.ts": "web/safe-redirect.test.ts",
  "lib/security/client-ip.ts": "web/client-ip.ts",
  "lib/security/client-ip.test.ts": "web/client-ip.test.ts",
  "lib/security/headers.ts": "web/csp.ts",
  "lib/security/rate-limit.ts": "infra/rate-limits.ts",
  "lib/security/request-limits.ts": "infra/server/http-rules.ts",
  "lib/server/console-json.ts": "infra/server/console-json.ts",
  "lib/server/console-json.test.ts": "infra/server/console-json.test.ts",
  "lib/server/database-unreachable.ts": "infra/server/database-unreachable.ts",
  "lib/server/database-unreachable.test.ts": "infra/server/database-unreachable.test.ts",
  "lib/server/graceful-shutdown.ts": "infra/server/graceful-shutdown.ts",
  "lib/server/graceful-shutdown.test.ts": "infra/server/graceful-shutdown.test.ts",
  "lib/server/http-guard.ts": "infra/server/http-guard.ts",
  "lib/server/http-guard.test.ts": "infra/server/http-guard.test.ts",
  "lib/server/request-scope.ts": "infra/server/request-scope.ts",
  "lib/server/request-scope.test.ts": "infra/server/request-scope.test.ts",
  "lib/slots.ts": "infra/slots.ts",
  "lib/slots.test.ts": "infra/slots.test.ts",
  "lib/unavailable-page.ts": "web/unavailable-page.ts",
  "db/client.ts": "infra/db/client.ts",
  "db/client.test.ts": "infra/db/client.test.ts",
  "db/index.ts": "infra/db/index.ts",
  "db/schema.ts": "infra/db/schema.ts",
  "db/migrate.ts": "infra/db/migrate.ts",
  "db/data-dir-lock.ts": "infra/db/data-dir-lock.ts",
  "db/prepare.ts": "scripts/boot/prepare-database.ts",
  "db/start-server.ts": "scripts/boot/start-server.ts",
  "db/seed.ts": "scripts/seed/seed-catalogue.ts",
  "app/actions/recipes.ts": "app/recipes/actions.ts",
  "bench/lib/build.ts": "scripts/lib/app-build.ts",
  "bench/lib/server.ts": "scripts/lib/app-server.ts",
  "bench/lib/database.ts": "scripts/lib/fresh-database.ts",
  "e2e/support/chromium.ts": "scripts/lib/chromium.ts",
  // integration tests by domain
  "tests/integration/accounts.test.ts": "tests/integration/accounts/accounts.test.ts",
  "tests/integration/login-backoff.test.ts": "tests/integration/accounts/login-backoff.test.ts",
  "tests/integration/rate-limits.test.ts": "tests/integration/accounts/rate-limits.test.ts",
  "tests/integration/rate-limit-purge.test.ts": "tests/integration/accounts/rate-limit-purge.test.ts",
  "tests/integration/hostile-input.test.ts": "tests/integration/accounts/hostile-input.test.ts",
  "tests/integration/recipes.test.ts": "tests/integration/recipes/recipes.test.ts",
  "tests/integration/recipe-writes.test.ts": "tests/integration/recipes/recipe-writes.test.ts",
  "tests/integration/catalogue.test.ts": "tests/integration/recipes/catalogue.test.ts",
  "tests/integration/flask-import.test.ts": "tests/integration/recipes/flask-import.test.ts",
  "tests/integration/flask-import-cli.test.ts": "tests/integration/recipes/flask-import-cli.test.ts",
  "tests/integration/search-postings.test.ts": "tests/integration/search/search-postings.test.ts",
  "tests/integration/search-walk.test.ts": "tests/integration/search/search-walk.test.ts",
  "tests/integration/postgres-search-plan.test.ts": "tests/integration/search/postgres-search-plan.test.ts",
  "tests/integration/database.test.ts": "tests/integration/platform/database.test.ts",
  "tests/integration/health.test.ts": "tests/integration/platform/health.test.ts",
  "tests/integration/pglite-lock.test.ts": "tests/integration/platform/pglite-lock.test.ts",
  "tests/integration/postgres-health-under-load.test.ts": "tests/integration/platform/postgres-health-under-load.test.ts",
  "tests/integration/postgres-migrations.test.ts": "tests/integration/platform/postgres-migrations.test.ts",
  "tests/static/request-host-urls.test.ts": "tests/static/request-host-urls.test.ts",
};
const DIRS = { "db/migrations/": "infra/db/migrations/", "db/catalogue/": "scripts/seed/catalogue/" };

const files = execFileSync("git", ["ls-files"], { encoding: "utf8" }).split("\n").filter(Boolean);
const newPath = (p) => {
  if (MAP[p]) return MAP[p];
  for (const [from, to] of Object.entries(DIRS)) if (p.startsWith(from)) return to + p.slice(from.length);
  return p;
};
const fileSet = new Set(files);
function resolve(fromFile, spec) {
  let base;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith("./") || spec.startsWith("../"))
    base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
  else return null;
  for (const cand of [base, base + ".ts", base + ".tsx", base + ".mjs", base + "/index.ts"]) if (fileSet.has(cand)) return cand;
  return undefined;
}
const SRC = /\.(ts|tsx|mjs|mts)$/;
const RE = /((?:from|import)\s*\(?\s*|vi\.mock\(\s*|vi\.importActual[^(]*\(\s*)(["'])([^"'\n]+)\2/g;
const unresolved = [];
const out = new Map();
for (const file of files) {
  if (!SRC.test(file) || !existsSync(file)) continue;
  const src = readFileSync(file, "utf8");
  const nf = newPath(file);
  const next = src.replace(RE, (all, pre, q, spec) => {
    const target = resolve(file, spec);
    if (target === null) return all;
    if (target === undefined) {
      unresolved.push(`${file}: ${spec}`);
      return all;
    }
    const nt = newPath(target);
    if (nt === target && nf === file) return all;
    const keepExt = /\.(json|mjs|css|svg)$/.test(spec);
    let stripped = keepExt ? nt : nt.replace(/\.(ts|tsx)$/, "");
    if (!keepExt && stripped.endsWith("/index") && !spec.endsWith("index")) stripped = stripped.slice(0, -"/index".length);
    let ns;
    const wasRelative = !spec.startsWith("@/");
    const rel = path.posix.relative(path.posix.dirname(nf), stripped);
    if (wasRelative && !rel.startsWith("../../")) ns = rel.startsWith(".") ? rel : "./" + rel;
    else if (path.posix.dirname(nf) === path.posix.dirname(stripped)) ns = "./" + path.posix.basename(stripped);
    else ns = "@/" + stripped;
    return `${pre}${q}${ns}${q}`;
  });
  out.set(file, next);
}
if (unresolved.length) console.log("UNRESOLVED\n" + unresolved.join("\n"));
// move
for (const file of files) {
  const nf = newPath(file);
  if (nf !== file) {
    mkdirSync(path.dirname(nf), { recursive: true });
    execFileSync("git", ["mv", file, nf]);
  }
}
for (const [file, content] of out) {
  const nf = newPath(file);
  if (readFileSync(nf, "utf8") !== content) writeFileSync(nf, content);
}
console.log("moved");
