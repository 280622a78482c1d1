import { appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { PARITY } from "../support/ports";
import { mailsTo } from "../support/test";
import { formWith, type Answer, Visitor } from "./client";
import type { Instance } from "./instance";
import { startParityStack, type Stack } from "./stack";

/**
 * `npm run parity:load`: the parity stack (stack.ts) under steady traffic from a few visitors, each
 * with its own loopback address and account, in two bounded phases:
 *
 * 1. a rolling restart (SIGTERM instance a, start it again, then b) under searches, recipe views
 *    and recipe writes: no 5xx at all, and every acknowledged write is in the database;
 * 2. a soak of PARITY_SOAK_SECONDS (120 by default) of searches, views, writes and logins with one
 *    PostgreSQL restart at a third of it: the only error answers allowed are 503s from the stop on,
 *    and every acknowledged write is in the database.
 *
 * It prints its figures and exits 1 when a rule is broken. Run with E2E_PORT_BASE to move the ports.
 */

const VISITORS = 8;
const SOAK_SECONDS = Number(process.env.PARITY_SOAK_SECONDS ?? 120);
/** The database stays down this long in the soak. */
const OUTAGE_SECONDS = 5;
/**
 * The middleware notices a database that is back by polling, within seconds. PgBouncer 1.18 takes
 * longer: once a server login has failed (the database was down or still starting), it turns an
 * occasional new client login away ("server login has been failing", 08P01) for up to a minute
 * after, each answered 503. So 503s are allowed from the stop to the end of the soak, and the ones
 * later than this after the start are counted apart; any other error, or any error before the stop,
 * breaks the rules.
 */
const RECOVERY_MS = 15_000;
/** Each visitor logs out and in about this often in the soak; the per-IP login allowance is 30 per 10 minutes. */
const RELOGIN_EVERY_MS = 25_000;
const MAX_LOGINS_PER_VISITOR = 20;
/** A visitor whose login failed (the database was down) tries again after this long, not at once. */
const LOGIN_RETRY_MS = 2_000;
/** No single action loop runs longer than this, whatever happens to the stack. */
const MAX_ACTIONS_PER_VISITOR = 2_000;
const SESSION_COOKIE = "__Secure-authjs.session-token";
const SEARCHES = ["rice,garlic", "egg,butter,flour", "tomato,onion,garlic", "chicken,lemon", "potato,cheese", "milk,oats", "basil,tomato", "carrot,onion,celery"];

const run = Date.now().toString(36);
const logFile = path.join(tmpdir(), `pantry-parity-load-${run}.log`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = (min: number, max: number) => min + Math.random() * (max - min);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Kind = "search" | "view" | "new-form" | "write" | "logout" | "login-form" | "login";
type Sample = { kind: Kind; status: number; instance: string; sentAt: number; answeredAt: number; location?: string; error?: string };
type Write = { id: number; title: string };

/** What one phase saw: every request, and the writes the site acknowledged. */
class Phase {
  readonly samples: Sample[] = [];
  readonly acknowledged: Write[] = [];
  /** When a visitor found its session cookie gone without having logged out. */
  readonly sessionsDropped: number[] = [];

  /** Sends one request, records its answer (status 0: no answer at all), and returns it if any. */
  async time(kind: Kind, send: () => Promise<Answer>): Promise<Answer | undefined> {
    const sentAt = Date.now();
    try {
      const answer = await send();
      this.samples.push({ kind, status: answer.status, instance: instanceNames(answer.instance), sentAt, answeredAt: Date.now(), location: answer.location });
      return answer;
    } catch (error) {
      this.samples.push({ kind, status: 0, instance: "", sentAt, answeredAt: Date.now(), error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }
}

// nginx names every upstream it tried, e.g. "127.0.0.1:4662, 127.0.0.1:4663" after a retry.
const upstreamNames = new Map(PARITY.instancePorts.map((port, index) => [`127.0.0.1:${port}`, index === 0 ? "a" : "b"]));
const instanceNames = (upstream: string) =>
  upstream
    .split(/\s*,\s*|\s+:\s+/)
    .filter(Boolean)
    .map((address) => upstreamNames.get(address.trim()) ?? address.trim())
    .join("→");

const knownRecipeIds = new Set<number>();
function learnRecipeIds(html: string) {
  for (const [, id] of html.matchAll(/href="\/recipes\/(\d+)"/g)) if (knownRecipeIds.size < 1_000) knownRecipeIds.add(Number(id));
}
const anyKnownRecipe = () => [...knownRecipeIds][Math.floor(Math.random() * knownRecipeIds.size)];

async function mailedLink(email: string, pathPart: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const link = (await mailsTo(email)).at(-1)?.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(pathPart));
    if (link) return link;
    await sleep(200);
  }
  throw new Error(`no ${pathPart} mail for ${email}`);
}

type Player = {
  index: number;
  visitor: Visitor;
  email: string;
  password: string;
  lastPage?: { path: string; answer: Answer };
  /** Whether the visitor believes it is signed in (it logged in and has not logged out since). */
  signedIn: boolean;
  logins: number;
  lastLoginAt: number;
  written: number;
};

/** Registers and activates an account through the real forms, from the player's own address. */
async function enrol(index: number): Promise<Player> {
  const visitor = new Visitor({ sourceAddress: `127.0.0.${101 + index}`, timeoutMs: 20_000 });
  const email = `load-${run}-${index}@example.com`;
  const password = "a long and unusual load passphrase";
  const registered = await visitor.submit("/register", await visitor.get("/register"), formWith("name"), { name: `Load ${index}`, email, password });
  if (registered.status !== 303) throw new Error(`register ${email}: ${registered.status}`);
  const activation = new URL(await mailedLink(email, "/activate/")).pathname;
  const confirmed = await visitor.submit(activation, await visitor.get(activation), formWith("password", "Confirm my account"), { password });
  if (confirmed.status !== 303 || !visitor.cookies.has(SESSION_COOKIE)) throw new Error(`activate ${email}: ${confirmed.status}`);
  return { index, visitor, email, password, signedIn: true, logins: 1, lastLoginAt: Date.now(), written: 0 };
}

async function search(phase: Phase, player: Player) {
  const path = `/?ingredients=${encodeURIComponent(SEARCHES[Math.floor(Math.random() * SEARCHES.length)]!)}`;
  const answer = await phase.time("search", () => player.visitor.get(path));
  if (answer?.status === 200) {
    learnRecipeIds(answer.body);
    player.lastPage = { path, answer };
  }
}

async function view(phase: Phase, player: Player) {
  const id = anyKnownRecipe();
  if (id === undefined) return search(phase, player);
  await phase.time("view", () => player.visitor.get(`/recipes/${id}`));
}

/** The no-JS recipe form, with a title no other write uses. */
async function write(phase: Phase, player: Player) {
  const form = await phase.time("new-form", () => player.visitor.get("/recipes/new"));
  if (form?.status !== 200) return;
  const title = `Load ${run} v${player.index} #${++player.written}`;
  const fields = { title, summary: "Written by the parity load run.", ingredients: "2 cups rice\n1 clove garlic\n1 onion", steps: "Rinse the rice.\nCook everything.", servings: "2", prepMinutes: "5", cookMinutes: "20" };
  const saved = await phase.time("write", () => player.visitor.submit("/recipes/new", form, formWith("title"), fields));
  const id = saved?.status === 303 ? saved.location?.match(/^\/recipes\/(\d+)$/)?.[1] : undefined;
  if (id) {
    phase.acknowledged.push({ id: Number(id), title });
    knownRecipeIds.add(Number(id));
  }
}

/** Logs out through the user menu of the last page seen, then in again through /login. */
async function relogin(phase: Phase, player: Player) {
  player.lastLoginAt = Date.now();
  const menuPage = player.lastPage;
  if (menuPage && menuPage.answer.body.includes(">Logout<")) {
    await phase.time("logout", () => player.visitor.submit(menuPage.path, menuPage.answer, (form) => form.html.includes(">Logout<"), {}));
  }
  player.signedIn = false;
  player.visitor.cookies.delete(SESSION_COOKIE);
  const form = await phase.time("login-form", () => player.visitor.get("/login"));
  if (form?.status !== 200) return;
  player.logins++;
  const answer = await phase.time("login", () => player.visitor.submit("/login", form, formWith("callbackUrl"), { email: player.email, password: player.password, callbackUrl: "/" }));
  player.signedIn = answer?.status === 303 && player.visitor.cookies.has(SESSION_COOKIE);
}

type Mix = { search: number; view: number; relogin: boolean };

/** One visitor's loop: paced actions until `running()` turns false, or the action cap. */
async function play(phase: Phase, player: Player, running: () => boolean, mix: Mix) {
  for (let action = 0; action < MAX_ACTIONS_PER_VISITOR && running(); action++) {
    const dice = Math.random();
    const signedOut = !player.visitor.cookies.has(SESSION_COOKIE);
    if (signedOut && player.signedIn) {
      phase.sessionsDropped.push(Date.now());
      player.signedIn = false;
    }
    const sinceLogin = Date.now() - player.lastLoginAt;
    const loginDue = signedOut ? sinceLogin > LOGIN_RETRY_MS : mix.relogin && sinceLogin > jitter(RELOGIN_EVERY_MS * 0.8, RELOGIN_EVERY_MS * 1.2);
    if (loginDue && player.logins < MAX_LOGINS_PER_VISITOR) await relogin(phase, player);
    // Only a signed-in visitor writes: a signed-out one waiting to log in again browses meanwhile.
    else if (dice < mix.search || signedOut) await search(phase, player);
    else if (dice < mix.search + mix.view) await view(phase, player);
    else await write(phase, player);
    // Steady, not a flood: two cores run the proxy, both instances, PgBouncer and PostgreSQL.
    await sleep(jitter(250, 600));
  }
}

async function stopped<T>(what: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not done after ${seconds(ms)}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Restart = { instance: string; signalledAt: number; exitCode: number | null; drainMs: number; healthyMs: number };

async function restart(instance: Instance): Promise<Restart> {
  const signalled = Date.now();
  const exitCode = await stopped(`instance ${instance.name} exit after SIGTERM`, instance.stop(), 60_000);
  const exited = Date.now();
  await stopped(`instance ${instance.name} start`, instance.start(), 120_000);
  return { instance: instance.name, signalledAt: signalled, exitCode, drainMs: exited - signalled, healthyMs: Date.now() - exited };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function countBy<T>(items: T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => `${name}: ${count}`).join(", ") || "none";
}

/** Every acknowledged write, read back from PostgreSQL directly (not through PgBouncer). */
async function checkWrites(stack: Stack, phase: Phase, problems: string[], label: string, clock: { at: number; from: string }) {
  const sql = postgres(stack.directDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    const ids = phase.acknowledged.map((write) => write.id);
    const rows = ids.length ? await sql<Write[]>`select id, title from recipes where id in ${sql(ids)}` : [];
    const found = new Map(rows.map((row) => [row.id, row.title]));
    const missing = phase.acknowledged.filter((write) => found.get(write.id) !== write.title);
    console.log(`  writes acknowledged: ${phase.acknowledged.length}, found in the database: ${phase.acknowledged.length - missing.length}`);
    const refused = phase.samples.filter((sample) => sample.kind === "write" && !(sample.status === 303 && /^\/recipes\/\d+$/.test(sample.location ?? "")));
    console.log(`  writes not acknowledged: ${countBy(refused, (sample) => `${statusName(sample)}${sample.location ? ` → ${sample.location}` : ""}`)}`);
    for (const sample of refused.slice(0, 10)) console.log(`    not acknowledged: ${statusName(sample)}${sample.location ? ` → ${sample.location}` : ""} at ${seconds(sample.answeredAt - clock.at)} from ${clock.from}`);
    for (const write of missing.slice(0, 5)) console.log(`    missing: #${write.id} “${write.title}”`);
    if (missing.length) problems.push(`${label}: ${missing.length} acknowledged write(s) not in the database`);
  } finally {
    await sql.end();
  }
}

function printLatencies(phase: Phase) {
  const kinds = [...new Set(phase.samples.map((sample) => sample.kind))];
  for (const kind of kinds) {
    const times = phase.samples.filter((sample) => sample.kind === kind && sample.status !== 0).map((sample) => sample.answeredAt - sample.sentAt).sort((a, b) => a - b);
    console.log(`    ${kind.padEnd(10)} ${String(times.length).padStart(5)} answered, p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms`);
  }
}

function printCounts(phase: Phase, started: number) {
  const redirect = (sample: Sample) => (sample.location ? ` → ${sample.location.split("?")[0]!.replace(/\/\d+$/, "/<id>")}` : "");
  console.log(`  requests: ${phase.samples.length} in ${seconds(Date.now() - started)}; by kind: ${countBy(phase.samples, (sample) => sample.kind)}`);
  console.log(`  by status: ${countBy(phase.samples, statusName)}`);
  console.log(`  by kind and status: ${countBy(phase.samples, (sample) => `${sample.kind} ${statusName(sample)}${redirect(sample)}`)}`);
  console.log(`  by instance: ${countBy(phase.samples, (sample) => sample.instance || "(none)")}`);
}

const errorOf = (sample: Sample) => sample.status === 0 || sample.status >= 400;
const statusName = (sample: Sample) => (sample.status === 0 ? `no answer (${sample.error})` : String(sample.status));

async function rollingRestart(stack: Stack, players: Player[], problems: string[]) {
  console.log("\n== Phase 1: rolling restart under steady load");
  const phase = new Phase();
  let running = true;
  const hardStop = Date.now() + 4 * 60_000;
  const loops = players.map((player) => play(phase, player, () => running && Date.now() < hardStop, { search: 0.45, view: 0.35, relogin: false }));
  const restarts: Restart[] = [];
  try {
    await sleep(8_000);
    for (const instance of stack.instances) {
      restarts.push(await restart(instance));
      await sleep(6_000);
    }
  } finally {
    running = false;
    await Promise.all(loops);
  }

  const started = Math.min(...phase.samples.map((sample) => sample.sentAt));
  printCounts(phase, started);
  for (const { instance, signalledAt, exitCode, drainMs, healthyMs } of restarts) {
    console.log(`  instance ${instance}: SIGTERM at ${seconds(signalledAt - started)} from the start, exit code ${exitCode ?? "none (ended by the signal)"} ${seconds(drainMs)} after SIGTERM; healthy ${seconds(healthyMs)} after the start`);
  }
  console.log("  latency by kind (answered requests):");
  printLatencies(phase);
  const serverErrors = phase.samples.filter((sample) => sample.status === 0 || sample.status >= 500);
  for (const sample of serverErrors.slice(0, 10)) console.log(`    error: ${sample.kind} ${statusName(sample)} via ${sample.instance || "?"} at ${seconds(sample.answeredAt - started)} from the start`);
  if (serverErrors.length) problems.push(`phase 1: ${serverErrors.length} answer(s) with 5xx or none at all`);
  await checkWrites(stack, phase, problems, "phase 1", { at: started, from: "the start" });
}

async function soak(stack: Stack, players: Player[], problems: string[]) {
  console.log(`\n== Phase 2: soak of ${SOAK_SECONDS} s with one PostgreSQL restart at a third of it`);
  const phase = new Phase();
  const started = Date.now();
  const end = started + SOAK_SECONDS * 1000;
  let running = true;
  for (const player of players) player.lastLoginAt = Date.now() - jitter(0, RELOGIN_EVERY_MS);
  const loops = players.map((player) => play(phase, player, () => running && Date.now() < end, { search: 0.4, view: 0.3, relogin: true }));
  const outage = { stopAt: 0, stoppedAt: 0, startAt: 0, startedAt: 0 };
  try {
    await sleep(Math.max(0, started + (SOAK_SECONDS * 1000) / 3 - Date.now()));
    // pg_ctl runs synchronously: the visitors' clocks pause with it for the second it takes.
    outage.stopAt = Date.now();
    stack.database.stop();
    outage.stoppedAt = Date.now();
    await sleep(OUTAGE_SECONDS * 1000);
    outage.startAt = Date.now();
    stack.database.start();
    outage.startedAt = Date.now();
    await sleep(Math.max(0, end - Date.now()));
  } finally {
    running = false;
    await Promise.all(loops);
  }

  const inWindow = (sample: Sample) => sample.answeredAt >= outage.stopAt;
  const late = (sample: Sample) => sample.answeredAt > outage.startedAt + RECOVERY_MS;
  const errors = phase.samples.filter(errorOf);
  const allowed = errors.filter((sample) => sample.status === 503 && inWindow(sample));
  const broken = errors.filter((sample) => !allowed.includes(sample));
  const unavailable = phase.samples.filter((sample) => sample.status === 503);
  printCounts(phase, started);
  console.log(`  errors from the stop on: ${countBy(errors.filter(inWindow), statusName)}; of them more than ${seconds(RECOVERY_MS)} after the start: ${countBy(errors.filter(late), statusName)}`);
  console.log(`  errors before the stop: ${countBy(errors.filter((sample) => !inWindow(sample)), statusName)}`);
  console.log(
    `  outage: stop took ${seconds(outage.stoppedAt - outage.stopAt)}, down ${seconds(outage.startAt - outage.stoppedAt)}, start took ${seconds(outage.startedAt - outage.startAt)}`,
  );
  if (unavailable.length) {
    const first = Math.min(...unavailable.map((sample) => sample.answeredAt));
    const last = Math.max(...unavailable.map((sample) => sample.answeredAt));
    console.log(`  first 503 ${seconds(first - outage.stopAt)} after the stop began; last 503 ${seconds(last - outage.startedAt)} after PostgreSQL was back`);
  } else console.log("  no 503 at all");
  console.log("  latency by kind (answered requests):");
  printLatencies(phase);
  for (const sample of broken.slice(0, 10)) console.log(`    broken: ${sample.kind} ${statusName(sample)} via ${sample.instance || "?"} at ${seconds(sample.answeredAt - outage.stopAt)} from the stop`);
  // Every visitor is signed in for its writes: a redirect to /login there means the site could not
  // tell (e.g. the session check failed), not that the visitor was signed out.
  const toLogin = phase.samples.filter((sample) => (sample.kind === "new-form" || sample.kind === "write") && sample.location?.includes("/login"));
  const toLoginTimes = toLogin.map((sample) => seconds(sample.answeredAt - outage.stopAt));
  console.log(`  recipe form or write sent to /login: ${toLogin.length}, ${toLogin.filter(inWindow).length} from the stop on${toLogin.length ? ` (from ${toLoginTimes[0]} to ${toLoginTimes.at(-1)} after the stop)` : ""}`);
  console.log(`  logins per visitor (activation included): ${players.map((player) => player.logins).join(", ")}`);
  const dropped = phase.sessionsDropped.map((at) => seconds(at - outage.stopAt)).join(", ");
  console.log(`  sessions the site ended without a logout: ${phase.sessionsDropped.length}${dropped ? ` (noticed at ${dropped} from the stop)` : ""}`);
  if (broken.length) problems.push(`phase 2: ${broken.length} error answer(s) that are not a 503 from the stop on (${countBy(broken, statusName)})`);
  if (toLogin.length) problems.push(`phase 2: ${toLogin.length} recipe form(s) or write(s) of a signed-in visitor sent to /login`);
  if (phase.sessionsDropped.length) problems.push(`phase 2: ${phase.sessionsDropped.length} session(s) ended by the site without a logout`);
  await checkWrites(stack, phase, problems, "phase 2", { at: outage.stopAt, from: "the stop" });
}

async function main(): Promise<number> {
  console.log(`instance and stack logs: ${logFile}`);
  const stack = await startParityStack({
    log: (line) => appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`),
    // The per-account allowance (30 recipe writes an hour by default) would refuse most of the
    // load's writes; the other limits stay at their defaults.
    env: { RECIPE_WRITES_PER_HOUR: "10000" },
  });
  const problems: string[] = [];
  const players: Player[] = [];
  try {
    const enrolled = Date.now();
    players.push(...(await Promise.all(Array.from({ length: VISITORS }, (_, index) => enrol(index)))));
    console.log(`${VISITORS} visitors registered and activated through the forms in ${seconds(Date.now() - enrolled)}`);
    await rollingRestart(stack, players, problems);
    await soak(stack, players, problems);
  } finally {
    for (const player of players) player.visitor.close();
    await stack.stop();
  }
  console.log(problems.length ? `\nFAILED:\n  ${problems.join("\n  ")}` : "\nAll rules held.");
  return problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
